# syntax=docker/dockerfile:1
# Build: docker build -t redline .
# Run:   docker run -p 8080:8080 -v redline-data:/data redline
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
ENV REDLINE_LISTEN=0.0.0.0:8080 \
    REDLINE_STORE=sqlite:/data/redline.db \
    REDLINE_LOG_FORMAT=json
EXPOSE 8080
VOLUME ["/data"]
# The image has no shell or curl, so there is no HEALTHCHECK: orchestrators
# should probe GET /livez (liveness) and GET /readyz (readiness, 503 while the
# store cannot be reached) on port 8080.
ENTRYPOINT ["/usr/local/bin/redline"]
CMD ["serve"]
