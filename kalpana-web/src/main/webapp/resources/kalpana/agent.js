// The agent chat of a workspace page: renders the history, then every live event of /ws/agent/{id}.
// Everything the model, a tool or a person wrote goes into the page as text nodes; only the markdown
// renderer builds elements, from text it escaped first.
(function () {
    'use strict';

    var chat = document.getElementById('k-chat');
    if (!chat) {
        return;
    }
    var log = document.getElementById('k-chat-log');
    var input = document.getElementById('k-chat-input');
    var sendButton = document.getElementById('k-chat-send');
    var stopButton = document.getElementById('k-chat-stop');
    var stateLabel = document.getElementById('k-chat-state');
    var notice = document.getElementById('k-chat-notice');
    var socket = null;
    var running = false;
    var turn = null;           // elements of the turn being rendered
    var tools = {};            // tool call id -> its elements
    var approvals = {};        // approval id -> its element
    var gone = false;          // the server said the workspace is not ours or not there: no reconnect

    // What the tab received, for tests and for anyone debugging the stream in the console.
    window.kalpanaAgent = { events: [] };

    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        return node;
    }

    function escapeHtml(text) {
        return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    }

    // A small markdown subset: fenced code, headings, lists, paragraphs, inline code, bold, italics, links.
    // The input is escaped before any tag is added, so model output can never become markup of its own.
    function inline(text) {
        var parts = text.split(/(`[^`]+`)/);
        return parts.map(function (part) {
            if (/^`[^`]+`$/.test(part)) {
                return '<code>' + part.slice(1, -1) + '</code>';
            }
            return part
                .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
                .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
                .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g,
                    '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
        }).join('');
    }

    function markdown(source) {
        var lines = escapeHtml(source).split('\n');
        var html = [];
        var paragraph = [];
        var list = null;
        var fence = null;
        function flushParagraph() {
            if (paragraph.length) {
                html.push('<p>' + inline(paragraph.join(' ')) + '</p>');
                paragraph = [];
            }
        }
        function flushList() {
            if (list) {
                html.push('<' + list.tag + '>' + list.items.map(function (item) {
                    return '<li>' + inline(item) + '</li>';
                }).join('') + '</' + list.tag + '>');
                list = null;
            }
        }
        lines.forEach(function (line) {
            if (fence !== null) {
                if (/^```/.test(line)) {
                    html.push('<pre><code>' + fence.join('\n') + '</code></pre>');
                    fence = null;
                } else {
                    fence.push(line);
                }
                return;
            }
            if (/^```/.test(line)) {
                flushParagraph();
                flushList();
                fence = [];
                return;
            }
            var heading = /^(#{1,6})\s+(.*)$/.exec(line);
            var bullet = /^\s*[-*]\s+(.*)$/.exec(line);
            var numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
            if (heading) {
                flushParagraph();
                flushList();
                var level = Math.min(heading[1].length + 2, 6);
                html.push('<h' + level + '>' + inline(heading[2]) + '</h' + level + '>');
            } else if (bullet || numbered) {
                flushParagraph();
                var tag = bullet ? 'ul' : 'ol';
                if (list && list.tag !== tag) {
                    flushList();
                }
                list = list || { tag: tag, items: [] };
                list.items.push((bullet || numbered)[1]);
            } else if (line.trim() === '') {
                flushParagraph();
                flushList();
            } else {
                flushList();
                paragraph.push(line);
            }
        });
        if (fence !== null) {
            // Still streaming: show the open code block as it grows.
            html.push('<pre><code>' + fence.join('\n') + '</code></pre>');
        }
        flushParagraph();
        flushList();
        return html.join('');
    }

    function scrollDown() {
        log.scrollTop = log.scrollHeight;
    }

    function setRunning(value) {
        running = value;
        sendButton.disabled = value;
        stopButton.hidden = !value;
        stateLabel.textContent = value ? 'working…' : 'ready';
    }

    function showNotice(text) {
        notice.textContent = text;
        notice.hidden = !text;
    }

    function beginTurn(message) {
        turn = { text: null, textSource: '' };
        log.appendChild(el('div', 'k-user-msg', message));
        tools = {};
    }

    function assistantText() {
        if (!turn.text) {
            turn.text = el('div', 'k-assistant');
            turn.textSource = '';
            log.appendChild(turn.text);
        }
        return turn.text;
    }

    function appendToken(text) {
        var node = assistantText();
        turn.textSource += text;
        node.innerHTML = markdown(turn.textSource);
    }

    function toolStarted(id, name, args) {
        // A tool call closes the current text block; text after it starts a new one.
        turn.text = null;
        var box = el('details', 'k-tool');
        var summary = el('summary');
        var label = el('span', 'k-tool-name k-tool-state-running', name);
        summary.appendChild(label);
        summary.appendChild(document.createTextNode(' '));
        summary.appendChild(el('span', 'k-tool-args', describeArguments(name, args)));
        var output = el('pre', 'k-tool-output');
        box.appendChild(summary);
        box.appendChild(output);
        box.dataset.tool = name;
        if (name === 'run_command') {
            box.open = true;
        }
        log.appendChild(box);
        tools[id] = { box: box, label: label, output: output, streamed: false };
    }

    function describeArguments(name, args) {
        try {
            var parsed = JSON.parse(args);
            var main = parsed.command || parsed.path || parsed.pattern;
            if (main) {
                return String(main).length > 160 ? String(main).slice(0, 160) + '…' : String(main);
            }
        } catch (e) {
            // Malformed arguments are shown as they came.
        }
        return args && args.length > 160 ? args.slice(0, 160) + '…' : (args || '');
    }

    function toolOutput(id, chunk) {
        var tool = tools[id];
        if (tool) {
            tool.streamed = true;
            tool.output.textContent += chunk;
            tool.output.scrollTop = tool.output.scrollHeight;
        }
    }

    function toolFinished(id, succeeded, summary, output) {
        var tool = tools[id];
        if (!tool) {
            return;
        }
        tool.label.classList.remove('k-tool-state-running');
        tool.label.classList.add(succeeded ? 'k-tool-state-ok' : 'k-tool-state-failed');
        if (!tool.streamed || !succeeded) {
            tool.output.textContent = output || summary || '';
        }
        tool.box.title = summary || '';
    }

    function approvalNeeded(id, command, rule) {
        var box = el('div', 'k-approval');
        box.dataset.approval = id;
        box.appendChild(el('strong', null, 'The agent wants to run a command that needs your approval:'));
        box.appendChild(el('code', null, command));
        box.appendChild(el('div', 'k-hint', 'Matched rule: ' + rule));
        var actions = el('div', 'k-approval-actions');
        var approve = el('button', 'k-button k-approve', 'Run it');
        var decline = el('button', 'k-button k-button-flat k-decline', 'Decline');
        approve.type = 'button';
        decline.type = 'button';
        approve.onclick = function () { answer(id, true); };
        decline.onclick = function () { answer(id, false); };
        actions.appendChild(approve);
        actions.appendChild(decline);
        box.appendChild(actions);
        log.appendChild(box);
        approvals[id] = box;
        turn.text = null;
    }

    function approvalAnswered(id, approved, user) {
        var box = approvals[id];
        if (box) {
            var actions = box.querySelector('.k-approval-actions');
            if (actions) {
                actions.replaceWith(el('div', 'k-hint k-approval-answer',
                    (approved ? 'Approved' : 'Declined') + ' by ' + user));
            }
        }
    }

    function answer(id, approved) {
        send({ type: 'approve', id: id, approved: approved });
    }

    function showError(message) {
        log.appendChild(el('div', 'k-error', message));
        turn && (turn.text = null);
    }

    function turnFinished(outcome, usage, durationMs) {
        var words = { COMPLETED: 'Done', CANCELLED: 'Stopped', STEP_LIMIT: 'Step limit reached', FAILED: 'Failed' };
        var line = (words[outcome] || outcome) + ' · ' + (usage ? usage.total : 0) + ' tokens · '
            + (durationMs / 1000).toFixed(1) + ' s';
        log.appendChild(el('div', 'k-turn-end', line));
        Object.keys(approvals).forEach(function (id) { approvalAnswered(id, false, 'the end of the turn'); });
        approvals = {};
        turn = null;
    }

    // History: the stored transcript rendered with the same functions as the live events.
    function renderTranscript(transcript) {
        log.textContent = '';
        (transcript.turns || []).forEach(function (past) {
            beginTurn(past.userMessage);
            (past.steps || []).forEach(function (step) {
                if (step.assistantText) {
                    appendToken(step.assistantText);
                }
                (step.toolCalls || []).forEach(function (call) {
                    toolStarted(call.id, call.name, call.arguments);
                    tools[call.id].box.open = false;
                    if (call.succeeded !== undefined) {
                        toolFinished(call.id, call.succeeded, call.summary, call.result);
                    } else {
                        toolFinished(call.id, false, 'did not finish', 'The tool did not finish.');
                    }
                });
            });
            if (past.errorMessage) {
                showError(past.errorMessage);
            }
            var started = Date.parse(past.startedAt);
            var finished = past.finishedAt ? Date.parse(past.finishedAt) : started;
            turnFinished(past.outcome || 'FAILED', past.usage, finished - started);
        });
    }

    function handle(message) {
        window.kalpanaAgent.events.push({ type: message.type, seq: message.seq, at: performance.now(),
            text: message.text, chunk: message.chunk, name: message.name });
        switch (message.type) {
            case 'history':
                renderTranscript(message.transcript || {});
                setRunning(message.turnRunning);
                break;
            case 'turn_started':
                beginTurn(message.message);
                setRunning(true);
                showNotice('');
                break;
            case 'token':
                appendToken(message.text);
                break;
            case 'tool_started':
                toolStarted(message.id, message.name, message.arguments);
                break;
            case 'tool_output':
                toolOutput(message.id, message.chunk);
                break;
            case 'tool_finished':
                toolFinished(message.id, message.succeeded, message.summary, message.output);
                break;
            case 'approval_needed':
                approvalNeeded(message.id, message.command, message.rule);
                break;
            case 'approval_answered':
                approvalAnswered(message.id, message.approved, message.user);
                break;
            case 'error':
                showError(message.message);
                break;
            case 'turn_finished':
                turnFinished(message.outcome, message.usage, message.durationMs);
                setRunning(false);
                break;
            case 'refused':
                showNotice(message.message);
                break;
        }
        scrollDown();
    }

    function send(command) {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
            showNotice('Not connected to Kalpana; reconnecting…');
            return false;
        }
        socket.send(JSON.stringify(command));
        return true;
    }

    function connect() {
        var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        socket = new WebSocket(scheme + location.host + chat.dataset.endpoint);
        socket.onopen = function () {
            stateLabel.textContent = running ? 'working…' : 'ready';
        };
        socket.onmessage = function (event) {
            handle(JSON.parse(event.data));
        };
        socket.onclose = function (event) {
            if (event.code === 4404 || event.code === 1008) {
                gone = true;
                stateLabel.textContent = 'unavailable';
                showNotice(event.reason || 'This conversation is not available.');
                sendButton.disabled = true;
                return;
            }
            if (!gone) {
                stateLabel.textContent = 'reconnecting…';
                setTimeout(connect, 2000);
            }
        };
    }

    document.getElementById('k-chat-form').addEventListener('submit', function (event) {
        event.preventDefault();
        var text = input.value;
        if (!text.trim() || running) {
            return;
        }
        if (send({ type: 'send', text: text })) {
            input.value = '';
        }
    });
    input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            sendButton.click();
        }
    });
    stopButton.addEventListener('click', function () {
        send({ type: 'cancel' });
    });

    connect();
})();
