package de.buergerkonto.gateway.policy;

import java.util.HashMap;
import java.util.Map;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.buergerkonto.gateway.GatewayProperties.ServiceRoute;
import de.buergerkonto.gateway.admin.PolicyFreshnessFilter;
import de.buergerkonto.gateway.admin.RouteTable;
import reactor.core.publisher.Flux;

/**
 * The service routes, as the {@link RouteTable} holds them (the configured ones are the initial
 * state in Redis, the admin API changes them): per service a {@code Path} predicate for the prefix
 * and everything below it (and a {@code Host} predicate when configured), the policy and released
 * attributes in the route's metadata and the {@code TrustLevel} filter that enforces it. Built again
 * whenever the table changes (Spring Cloud Gateway caches routes until a {@code RefreshRoutesEvent}).
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, RouteTable table, TrustLevelGatewayFilterFactory trustLevel) {
        return () -> Flux.defer(() -> build(builder, table, trustLevel).getRoutes());
    }

    private static RouteLocator build(RouteLocatorBuilder builder, RouteTable table, TrustLevelGatewayFilterFactory trustLevel) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ServiceRoute service : table.routes()) {
            GatewayFilter enforcePolicyFromMetadata = trustLevel.apply(new TrustLevelGatewayFilterFactory.Config());
            Map<String, Object> metadata = new HashMap<>(RoutePolicyMetadata.of(service.policy(), service.attributes()));
            metadata.put(PolicyFreshnessFilter.STORED_ROUTE, Boolean.TRUE);
            routes.route(service.id(), route -> {
                BooleanSpec predicates = route.path(service.path(), service.path() + "/**");
                if (service.host() != null && !service.host().isBlank()) {
                    predicates = predicates.and().host(service.host());
                }
                return predicates.filters(filters -> filters.filter(enforcePolicyFromMetadata))
                        .metadata(metadata)
                        .uri(service.uri());
            });
        }
        return routes.build();
    }
}
