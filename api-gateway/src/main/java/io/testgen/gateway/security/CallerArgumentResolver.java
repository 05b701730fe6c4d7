package io.testgen.gateway.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the authenticated {@link Caller} as a parameter. */
@Configuration(proxyBeanMethods = false)
class CallerArgumentResolver implements WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new RequestValueResolver<>(Caller.class, Caller::of));
  }
}
