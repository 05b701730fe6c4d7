package io.testgen.gateway.config;

import io.testgen.gateway.errors.ProblemResponses;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat refuses an encoded slash ({@code %2F}) in a path with its own HTML page before any servlet
 * sees it. Passing it through lets the gateway answer with problem+json instead: no route or run id
 * contains a slash, so such paths end as 404 NOT_FOUND. TRACE is let through for the same reason.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashPassThrough() {
    return factory -> {
      factory.addConnectorCustomizers(
          connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            // TRACE reaches the gateway, which refuses it with problem+json (RequestShapeFilter);
            // Tomcat's own refusal has an empty body.
            connector.setAllowTrace(true);
          });
      // Other requests Tomcat refuses itself (e.g. %00 in a path) are reported by the host's
      // error valve: replace it with one that writes problem+json. The host exists once the
      // context starts.
      factory.addContextCustomizers(
          context ->
              context.addLifecycleListener(
                  event -> {
                    if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) return;
                    Container host = context.getParent();
                    if (host == null) return;
                    for (Valve valve : host.getPipeline().getValves()) {
                      if (valve instanceof ErrorReportValve
                          && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                      }
                    }
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                  }));
    };
  }

  /** Writes a bare problem for errors Tomcat answers itself. */
  static final class ProblemErrorReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0) return;
      HttpStatusCode code = HttpStatusCode.valueOf(status);
      String body =
          "{\"type\":\"urn:testgen:problem:"
              + ProblemResponses.codeFor(code).toLowerCase(Locale.ROOT)
              + "\",\"title\":\"Error\",\"status\":"
              + status
              + ",\"detail\":\""
              + ProblemResponses.detailFor(code)
              + "\",\"code\":\""
              + ProblemResponses.codeFor(code)
              + "\"}";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException ignored) {
        // The client is gone; nothing more to say.
      }
    }
  }
}
