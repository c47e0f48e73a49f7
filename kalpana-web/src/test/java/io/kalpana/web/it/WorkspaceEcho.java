package io.kalpana.web.it;

import io.kalpana.runtime.DockerTestSupport;
import java.util.concurrent.TimeUnit;

/** A WebSocket (and HTTP) echo server inside a workspace container, standing in for a person's dev server. */
final class WorkspaceEcho {

    static final int PORT = 8001;

    /** A WebSocket echo server in plain Node (no packages): enough framing for short text messages. */
    static final String SCRIPT = String.join("\n",
            "const http=require('http'),crypto=require('crypto');",
            "const s=http.createServer((q,r)=>r.end('ok'));",
            "s.on('upgrade',(req,sock)=>{",
            " const k=crypto.createHash('sha1').update(req.headers['sec-websocket-key']+'258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');",
            " sock.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: '+k+'\\r\\n\\r\\n');",
            " sock.setNoDelay(true); let buf=Buffer.alloc(0);",
            " sock.on('data',d=>{buf=Buffer.concat([buf,d]);",
            "  while(buf.length>=2){const op=buf[0]&15;let len=buf[1]&127,off=2;",
            "   if(len==126){if(buf.length<4)return;len=buf.readUInt16BE(2);off=4}else if(len==127){sock.destroy();return}",
            "   const masked=buf[1]&128,mo=off;if(masked)off+=4;if(buf.length<off+len)return;",
            "   let p=Buffer.from(buf.subarray(off,off+len));if(masked){for(let i=0;i<p.length;i++)p[i]^=buf[mo+(i%4)]}",
            "   buf=buf.subarray(off+len);if(op==8){sock.end();return}",
            "   const h=len<126?Buffer.from([0x80|op,len]):Buffer.from([0x80|op,126,len>>8,len&255]);",
            "   sock.write(Buffer.concat([h,p]));}});});",
            "s.listen(" + PORT + ",'127.0.0.1');");

    private WorkspaceEcho() {
    }

    /** Starts the server in the workspace's container and waits until it listens. */
    static void start(String workspaceId) throws Exception {
        DockerTestSupport.docker("exec", "-d", "-u", "1000", "kalpana-ws-" + workspaceId, "node", "-e", SCRIPT);
        for (int attempt = 0; attempt < 50; attempt++) {
            if (DockerTestSupport.dockerStatus("exec", "kalpana-ws-" + workspaceId, "node", "-e",
                    "require('net').connect(" + PORT + ",'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))") == 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the echo server in workspace " + workspaceId + " never listened");
    }
}
