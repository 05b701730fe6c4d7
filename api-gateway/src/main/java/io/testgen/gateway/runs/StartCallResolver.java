package io.testgen.gateway.runs;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.testgen.gateway.security.Caller;
import io.testgen.gateway.security.RequestValueResolver;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a start endpoint take its {@link StartCall} as one parameter, and documents that parameter
 * as what it is on the wire: the optional {@value StartCall#IDEMPOTENCY_KEY} header.
 */
@Configuration(proxyBeanMethods = false)
class StartCallResolver implements WebMvcConfigurer {
  static {
    // The parameter is not a query object; the customizer below documents the header it reads.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(StartCall.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new RequestValueResolver<>(StartCall.class, StartCallResolver::read));
  }

  private static StartCall read(NativeWebRequest request) {
    // Repeated headers join with commas, as Spring binds a header to a String.
    String[] keys = request.getHeaderValues(StartCall.IDEMPOTENCY_KEY);
    return new StartCall(Caller.of(request), keys == null ? null : String.join(",", keys));
  }

  @Bean
  OperationCustomizer idempotencyKeyHeader() {
    return (operation, handler) -> {
      if (Arrays.stream(handler.getMethodParameters())
          .anyMatch(p -> p.getParameterType() == StartCall.class)) {
        operation.addParametersItem(
            new HeaderParameter()
                .name(StartCall.IDEMPOTENCY_KEY)
                .required(false)
                .schema(new StringSchema()));
      }
      return operation;
    };
  }
}
