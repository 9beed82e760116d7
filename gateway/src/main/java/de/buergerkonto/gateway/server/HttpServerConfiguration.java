package de.buergerkonto.gateway.server;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.netty.NettyPipeline;

/** The gateway's HTTP server (Reactor Netty): every connection keeps reading its requests ({@link ReadAfterResponseHandler}). */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    @Bean
    NettyServerCustomizer readAfterResponse() {
        ReadAfterResponseHandler handler = new ReadAfterResponseHandler();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, ReadAfterResponseHandler.NAME, handler);
            }
        });
    }
}
