package dev.reapi.sandbox.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/** Drops a request's TCP connection without an answer, as a failing upstream would. */
final class Connections {
    private Connections() {}

    /**
     * Closes the connection under {@code ctx}; with {@code reset}, SO_LINGER 0 makes the close an
     * RST instead of a FIN.
     */
    static void abort(Context ctx, boolean reset) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            return;
        }
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (reset && endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | UnsupportedOperationException e) {
                // Closing without linger control still drops the request, with a FIN.
            }
        }
        endPoint.close();
    }
}
