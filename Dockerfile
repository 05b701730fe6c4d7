# Images for docker-compose.yml: `docker build --target worker .` / `--target gateway`.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests package

# The worker needs Chromium; Debian's package is the one our tests run against.
FROM debian:bookworm-slim AS worker
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless chromium fonts-liberation ca-certificates \
    && rm -rf /var/lib/apt/lists/*
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TESTGEN_CHROMIUM_PATH=/usr/bin/chromium
COPY --from=build /src/workflow-worker/target/workflow-worker-*[0-9T].jar /app/worker.jar
RUN useradd --system --home /app testgen && mkdir -p /data && chown testgen /data
USER testgen
WORKDIR /app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/worker.jar"]

FROM eclipse-temurin:17-jre AS gateway
COPY --from=build /src/api-gateway/target/api-gateway-*[0-9T].jar /app/gateway.jar
RUN useradd --system --home /app testgen && mkdir -p /data && chown testgen /data
USER testgen
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/gateway.jar"]
