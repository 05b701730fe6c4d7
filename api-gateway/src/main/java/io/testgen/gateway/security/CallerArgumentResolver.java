package io.testgen.gateway.security;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take the authenticated {@link Caller} as a parameter, which the OpenAPI document
 * leaves out (it is the API key, documented as the security scheme).
 */
@Configuration(proxyBeanMethods = false)
class CallerArgumentResolver implements WebMvcConfigurer {
  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new RequestValueResolver<>(Caller.class, Caller::of));
  }
}
