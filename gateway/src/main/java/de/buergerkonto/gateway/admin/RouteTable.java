package de.buergerkonto.gateway.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.GatewayProperties.ServiceRoute;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This instance's copy of the routes in the {@link RouteStore}. A change through any instance
 * reaches it by pub/sub at once, and by comparing the version every {@code poll-interval} when a
 * message was lost; it then refreshes Spring Cloud Gateway's routes. Each successful read confirms
 * the copy; a copy not confirmed for {@code max-staleness} (Redis unreachable) counts as no policy
 * and {@link PolicyFreshnessFilter} refuses requests until Redis answers again. A Redis that lost its
 * data (no seed marker) gets the configured routes again as the initial state.
 */
@Component
public class RouteTable implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(RouteTable.class);

    private final RouteStore store;
    private final ApplicationEventPublisher events;
    private final ReactiveRedisConnectionFactory connections;
    private final GatewayProperties properties;
    private final Clock clock;
    private final Disposable.Composite running = Disposables.composite();
    private volatile List<ServiceRoute> routes = List.of();
    private volatile long version = -1;
    private volatile Instant confirmedAt;
    private ReactiveRedisMessageListenerContainer listener;

    public RouteTable(RouteStore store, ApplicationEventPublisher events, ReactiveRedisConnectionFactory connections,
            GatewayProperties properties, Clock clock) {
        this.store = store;
        this.events = events;
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    public List<ServiceRoute> routes() {
        return routes;
    }

    /** Whether the copy was confirmed from Redis within {@code max-staleness}. */
    public boolean isFresh() {
        Instant confirmed = confirmedAt;
        return confirmed != null && !clock.instant().isAfter(confirmed.plus(properties.admin().maxStaleness()));
    }

    /** Reads the version and, when it changed, the routes; never fails (a failure leaves the copy unconfirmed). */
    Mono<Void> sync() {
        // seeded on every sync: a Redis that lost its data starts again from the configured routes
        return store.seed(properties.routes()).then(store.version()).flatMap(current -> current == version ? Mono.<Void>empty()
                        // the route refresh runs its listeners synchronously: not on Lettuce's I/O thread,
                        // which must stay free for the replies other requests wait for
                        : store.load().publishOn(Schedulers.boundedElastic()).doOnNext(this::apply).then())
                .doOnSuccess(done -> confirmedAt = clock.instant())
                .onErrorResume(failure -> {
                    log.warn("Routes could not be read from Redis: " + failure.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private void apply(RouteStore.Snapshot snapshot) {
        routes = snapshot.routes();
        version = snapshot.version();
        log.info("Routes at version " + version + ": " + routes.stream().map(ServiceRoute::id).toList());
        events.publishEvent(new RefreshRoutesEvent(this));
    }

    @Override
    public void start() {
        sync().block(RouteStore.REDIS_DEADLINE.multipliedBy(3));
        // a slow read skips ticks instead of ending the polling
        running.add(Flux.interval(properties.admin().pollInterval()).onBackpressureDrop().concatMap(tick -> sync(), 1).subscribe());
        try {
            listener = new ReactiveRedisMessageListenerContainer(connections);
            running.add(listener.receive(ChannelTopic.of(store.channel))
                    .concatMap(message -> sync())
                    .retryWhen(reactor.util.retry.Retry.backoff(Long.MAX_VALUE, java.time.Duration.ofSeconds(1))
                            .maxBackoff(properties.admin().pollInterval()))
                    .subscribe());
        }
        catch (RuntimeException unavailable) {
            log.warn("No route change subscription, polling only: " + unavailable.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        running.dispose();
        if (listener != null) {
            listener.destroy();
        }
    }

    @Override
    public boolean isRunning() {
        return running.size() > 0 && !running.isDisposed();
    }
}
