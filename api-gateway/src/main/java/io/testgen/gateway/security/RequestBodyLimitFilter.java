package io.testgen.gateway.security;

import io.testgen.gateway.config.LimitsProperties;
import io.testgen.gateway.errors.BodyTooLargeException;
import io.testgen.gateway.errors.PayloadTooLargeException;
import io.testgen.gateway.errors.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: a declared Content-Length over the limit is refused at once (413); a chunked
 * body is counted while read and fails with {@link BodyTooLargeException}, which the exception
 * handler answers with 413. Runs before authentication so huge bodies cost nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {
  private final long limit;
  private final ProblemResponses problems;

  RequestBodyLimitFilter(LimitsProperties limits, ProblemResponses problems) {
    this.limit = limits.maxBodyBytes();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      // Tell the client not to keep sending what we will not read.
      response.setHeader("Connection", "close");
      problems.write(response, new PayloadTooLargeException(limit));
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) stream = new CountingStream(super.getInputStream(), limit);
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) add(1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) add(n);
      return n;
    }

    private void add(int n) throws IOException {
      count += n;
      if (count > limit) throw new BodyTooLargeException(limit);
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
