package com.alphapanda.api;

import com.alphapanda.core.platform.ConditionalOnService;
import com.alphapanda.core.platform.Service;
import com.alphapanda.core.platform.Services;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the request body limit ahead of every other filter (security included), and the api-off refusal. */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter() {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Without the {@code api} service, {@code /api/*} answers 404 (before security, so without a token too). */
    @Bean
    @ConditionalOnService(value = Service.API, runs = false)
    FilterRegistrationBean<ApiNotServedFilter> apiNotServedFilter(Services services) {
        FilterRegistrationBean<ApiNotServedFilter> registration =
                new FilterRegistrationBean<>(new ApiNotServedFilter(services.toString()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
