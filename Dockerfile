# syntax=docker/dockerfile:1
# Build: docker build -t redline .
# Run:   docker run -p 8080:8080 -v redline-data:/data \
#          -v $PWD/tokens:/run/secrets/redline-tokens:ro \
#          -e REDLINE_API_TOKENS_FILE=/run/secrets/redline-tokens redline
# Without REDLINE_API_TOKENS_FILE the service starts, and its first log lines
# warn that anyone who reaches port 8080 may read, overwrite and delete.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=unknown
# The same command .ci/run builds: a static, CGO-free binary (modernc SQLite
# needs no C toolchain).
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" -o /out/redline ./cmd/redline \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/redline /usr/local/bin/redline
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
WORKDIR /data
# With tokens, /metrics on 8080 needs a read token (or REDLINE_METRICS_TOKEN);
# REDLINE_METRICS_LISTEN moves it to a port of its own. Rate limits are on
# by default, per client: 100 reads/s (bursts of 200) and 20 writes/s
# (bursts of 40); REDLINE_RATE_READ and REDLINE_RATE_WRITE change them (off
# disables). Behind a proxy set REDLINE_TRUSTED_PROXIES to it, or every
# client shares the proxy's bucket.
ENV REDLINE_LISTEN=0.0.0.0:8080 \
    REDLINE_STORE=sqlite:/data/redline.db \
    REDLINE_LOG_FORMAT=json
EXPOSE 8080
VOLUME ["/data"]
# The image has no shell or curl, so there is no HEALTHCHECK: orchestrators
# should probe GET /livez (liveness) and GET /readyz (readiness, 503 while the
# store cannot be reached or writes fail) on port 8080; both need no token.
ENTRYPOINT ["/usr/local/bin/redline"]
CMD ["serve"]
