package de.buergerkonto.gateway.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Asks the connection for its next request once a response is complete, so that a keep-alive
 * connection never stops reading.
 *
 * <p>Reactor Netty (up to 1.3.9, reactor/reactor-netty#4361) reads a connection on demand and can
 * forget to ask again: when a request arrives before the previous response's operations have ended
 * (that response was finished off the event loop, e.g. after a Redis reply) it is queued with its
 * trailing content; when the queued request is then answered at once (a 404, a 401), draining the
 * trailing content ends without a read. The next request on that connection is never read and the
 * client waits until it gives up. {@code AdminApiTest} lost a request about one run in three this way.
 *
 * <p>One extra read per response is what Reactor Netty asks for itself on the normal path; it goes
 * through its traffic handler, which still holds back reads while too many pipelined requests wait.
 */
@Sharable
final class ReadAfterResponseHandler extends ChannelDuplexHandler {

    static final String NAME = "buergerkonto.readAfterResponse";

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        boolean responseComplete = message instanceof LastHttpContent;
        super.write(ctx, message, promise);
        if (responseComplete) {
            Channel channel = ctx.channel();
            // after the task that is writing: the traffic handler first drains what it queued
            channel.eventLoop().execute(() -> {
                if (channel.isActive()) {
                    channel.read();
                }
            });
        }
    }
}
