package com.alphapanda.api;

import com.alphapanda.core.platform.PlatformProperties;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Who may call what. Public: health, the OpenAPI document, the dashboard's static files and the two routes Kite
 * calls (login callback, order postback). Everything else needs a bearer token: reads
 * {@code viewer}; actions (replay, purge, trading state, reconciliation) {@code operator}; tokens and strategy
 * changes {@code admin}. 401 and 403 are problem details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/v3/api-docs",
        "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error",
        // Kite calls these, with no bearer token: the login's signed state and the postback's checksum protect them
        "/api/v1/zerodha/callback", "/api/v1/zerodha/postback"};

    /** The dashboard's static files: public (they hold no data; every API call they make needs a token). */
    static final String[] DASHBOARD = {"/", "/index.html", "/dashboard/**"};

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
    }

    /** No username/password users: only bearer tokens. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    /** The Lettuce client of Spring's connection factory, which owns (and shuts down) it. */
    @Bean(destroyMethod = "")
    RedisClient rateLimitRedisClient(LettuceConnectionFactory connectionFactory) {
        return (RedisClient) connectionFactory.getRequiredNativeClient();
    }

    @Bean
    ProxyManager<byte[]> rateLimitBuckets(RedisClient rateLimitRedisClient, ApiProperties api) {
        return Bucket4jLettuce.casBasedBuilder(rateLimitRedisClient)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        api.rateLimit().window()))
                .build();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, ApiProperties api,
                                    PlatformProperties platform, MeterRegistry meters,
                                    ProxyManager<byte[]> rateLimitBuckets) throws Exception {
        UrlBasedCorsConfigurationSource cors = new UrlBasedCorsConfigurationSource();
        cors.registerCorsConfiguration("/**", CorsPolicy.from(api.cors(), platform.environment()));
        CorsFilter corsFilter = new CorsFilter(cors);
        corsFilter.setCorsProcessor(new RejectionCountingCorsProcessor(meters));

        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new CorrelationFilter(), HeaderWriterFilter.class)
                .addFilterAfter(corsFilter, HeaderWriterFilter.class)
                .addFilterBefore(new TokenAuthenticationFilter(tokens), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(request, response,
                                HttpStatus.UNAUTHORIZED, "a bearer token is required (Authorization: Bearer <token>)"))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(request, response,
                                HttpStatus.FORBIDDEN, "this token's role may not do this")))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.GET, DASHBOARD).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/**").hasRole("VIEWER")
                        .requestMatchers("/api/v1/strategies", "/api/v1/strategies/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").hasRole("OPERATOR")
                        .anyRequest().hasRole("ADMIN"));
        if (api.rateLimit().enabled()) {
            http.addFilterAfter(new RateLimitFilter(rateLimitBuckets, api.rateLimit()), TokenAuthenticationFilter.class);
        }
        return http.build();
    }
}
