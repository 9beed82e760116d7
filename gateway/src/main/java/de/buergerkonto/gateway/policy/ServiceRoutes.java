package de.buergerkonto.gateway.policy;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.GatewayProperties.ServiceRoute;

/**
 * The routes of {@code buergerkonto.gateway.routes}: per service a {@code Path} predicate for the
 * prefix and everything below it (and a {@code Host} predicate when configured), the policy in the
 * route's metadata and the {@code TrustLevel} filter that enforces it.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties,
            TrustLevelGatewayFilterFactory trustLevel) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ServiceRoute service : properties.routes()) {
            GatewayFilter enforcePolicyFromMetadata = trustLevel.apply(new TrustLevelGatewayFilterFactory.Config());
            routes.route(service.id(), route -> {
                BooleanSpec predicates = route.path(service.path(), service.path() + "/**");
                if (service.host() != null && !service.host().isBlank()) {
                    predicates = predicates.and().host(service.host());
                }
                return predicates.filters(filters -> filters.filter(enforcePolicyFromMetadata))
                        .metadata(RoutePolicyMetadata.of(service.policy(), service.attributes()))
                        .uri(service.uri());
            });
        }
        return routes.build();
    }
}
