# The tracker's image as ops/cluster/build-local-images.sh builds it without a container registry: a self-contained
# publish (in ./app, with the demo reference data in ./app/demo) on a debootstrap Debian. Same layout, port, user and
# entry point as ops/Dockerfile, which builds it where Microsoft's images can be pulled.
ARG BASE_IMAGE=dossiertracker/debian:bookworm
FROM ${BASE_IMAGE}
RUN useradd --uid 1654 --user-group --no-create-home --home-dir /app app
WORKDIR /app
COPY app/ ./
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_NOLOGO=1
EXPOSE 8080
USER 1654
ENTRYPOINT ["/app/DossierTracker.Api"]
