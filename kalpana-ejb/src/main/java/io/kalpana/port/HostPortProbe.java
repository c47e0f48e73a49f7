package io.kalpana.port;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks whether a host port can be bound on the address containers publish on. Another program may
 * listen on a port Kalpana never leased; publishing a container there would fail at start.
 */
public class HostPortProbe {

    private final InetAddress address;

    public HostPortProbe(String bindAddress) {
        try {
            this.address = InetAddress.getByName(bindAddress);
        } catch (IOException e) {
            throw new IllegalArgumentException("kalpana.ports.bind-address '" + bindAddress + "' is not an address", e);
        }
    }

    public boolean isFree(HostPort port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(address, port.number()), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
