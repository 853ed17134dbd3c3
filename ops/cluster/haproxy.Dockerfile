# HAProxy from Debian's packages (the balancer the cluster tests run), with ops/cluster/haproxy.cfg.
FROM debian:bookworm-slim
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy && rm -rf /var/lib/apt/lists/*
COPY ops/cluster/haproxy.cfg /etc/haproxy/haproxy.cfg
EXPOSE 8080
USER haproxy
CMD ["haproxy", "-db", "-f", "/etc/haproxy/haproxy.cfg"]
