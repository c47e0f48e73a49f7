// Live tables: a change pushed over the WebSocket reloads a table, but never under an open confirmation.
// Reloading then would put other rows where the asked-about one was, or close the question before it is answered;
// the reload waits for the answer and runs once after it (a Yes's own request goes first).
window.KalpanaLive = (function () {
    var waiting = false;

    function questionOpen() {
        var question = window.PrimeFaces && PrimeFaces.confirmDialog;
        return question && question.isVisible() ? question : null;
    }

    return {
        refresh: function (reload) {
            var question = questionOpen();
            if (!question) {
                reload();
                return;
            }
            if (waiting) {
                return;
            }
            waiting = true;
            var before = question.cfg.onHide;
            question.cfg.onHide = function () {
                question.cfg.onHide = before;
                waiting = false;
                if (before) {
                    before.apply(this, arguments);
                }
                reload();
            };
        },
        // Whether a reload is held back until a confirmation is answered; the browser tests wait on it.
        isWaiting: function () {
            return waiting;
        }
    };
})();
