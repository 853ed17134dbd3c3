# HAProxy from Debian's packages (the balancer the cluster tests run), with ops/cluster/haproxy.cfg. The build context
# is ops/cluster. DEBIAN_IMAGE: any Debian bookworm (ops/cluster/build-local-images.sh makes one without a registry).
ARG DEBIAN_IMAGE=debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy && rm -rf /var/lib/apt/lists/*
COPY haproxy.cfg /etc/haproxy/haproxy.cfg
EXPOSE 8080
USER haproxy
CMD ["haproxy", "-db", "-f", "/etc/haproxy/haproxy.cfg"]
