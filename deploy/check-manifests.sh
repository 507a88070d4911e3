#!/usr/bin/env bash
# Checks the container and cluster files without a Docker engine or a cluster (neither runs on the build machines):
# YAML parses; compose services, dependencies and settings hang together; `kubectl kustomize` builds deploy/k8s;
# selectors match their pods; probes hit the service's health routes; secrets are referenced, never written in;
# every setting the files pass is a real one; nginx accepts its configuration (when nginx is installed).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

python3 -c 'import yaml' 2>/dev/null || { echo "check-manifests: needs python3 with PyYAML" >&2; exit 1; }
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT
if command -v kubectl >/dev/null; then
    kubectl kustomize deploy/k8s > "$rendered"
    echo "ok   kubectl kustomize deploy/k8s ($(grep -c '^kind:' "$rendered") objects)"
else
    echo "skip kubectl is not installed: the k8s files are only parsed one by one" >&2
    for f in deploy/k8s/*.yaml; do [[ "$(basename "$f")" == kustomization.yaml ]] || { cat "$f"; echo "---"; }; done > "$rendered"
fi

python3 - "$rendered" <<'PY'
import re, sys, yaml

failures = []
def check(ok, message):
    print(("ok   " if ok else "FAIL ") + message)
    if not ok: failures.append(message)

# Every options class bound to the Accountability section (ServiceSetup's SettingsBinder) holds real settings.
import glob
bound = re.findall(r"options\.Bind<(\w+)>\(\)", open("src/Accountability.Api/Setup/ServiceSetup.cs").read())
sources = {f: open(f).read() for f in glob.glob("src/Accountability.Api/**/*.cs", recursive=True)}
settings = set()
for name in bound:
    source = next(text for text in sources.values() if re.search(rf"\bclass {name}\b", text))
    settings |= set(re.findall(r"public \S+ (\w+) \{ get; set; \}", source))
def known(name):
    if name.startswith("Accountability__"):
        return name.split("__")[1] in settings
    return True

# compose
compose = yaml.safe_load(open("deploy/compose.yaml"))
services = compose["services"]
check({"postgres", "migrate", "api", "worker", "proxy"} <= services.keys(), "compose: postgres, migrate, api, worker and proxy")
check(services["api"]["deploy"]["replicas"] >= 2, "compose: at least two API replicas")
check(services["worker"]["deploy"]["replicas"] >= 2, "compose: at least two workers (the daemon elects a leader)")
for name, service in services.items():
    for dependency in service.get("depends_on", {}):
        check(dependency in services, f"compose: {name} depends on {dependency}, which exists")
    for variable, value in service.get("environment", {}).items():
        check(known(variable), f"compose: {name} sets {variable}, a real setting")
        if re.search(r"(Password=|AdminKey|PASSWORD)", f"{variable}={value}"):
            check("${" in str(value), f"compose: {name}'s {variable} comes from the environment, not the file")
daemon = lambda s: services[s]["environment"].get("Accountability__RunProjectionDaemon")
check(daemon("api") == "false" and daemon("worker") == "true", "compose: the daemon runs on the worker only")
check(services["migrate"]["command"] == ["db", "apply"], "compose: migrate runs `db apply`")
check(all(services[s]["environment"].get("Accountability__ServeApiExplorer") == "false" for s in ("api", "worker")), "compose: no node serves Swagger UI")

# kubernetes
objects = [o for o in yaml.safe_load_all(open(sys.argv[1])) if o]
by_kind = {}
for o in objects:
    check(all(k in o for k in ("apiVersion", "kind", "metadata")), f"k8s: {o.get('kind')} {o.get('metadata', {}).get('name')} has apiVersion, kind, metadata")
    by_kind.setdefault(o["kind"], []).append(o)
deployments = {d["metadata"]["name"]: d for d in by_kind.get("Deployment", [])}
check({"accountability-api", "accountability-worker"} <= deployments.keys(), "k8s: API and worker deployments")
for name, d in deployments.items():
    spec = d["spec"]
    labels = spec["template"]["metadata"]["labels"]
    check(all(labels.get(k) == v for k, v in spec["selector"]["matchLabels"].items()), f"k8s: {name}'s selector matches its pods")
    for c in spec["template"]["spec"].get("initContainers", []) + spec["template"]["spec"]["containers"]:
        for e in c.get("env", []):
            check(known(e["name"]), f"k8s: {name}/{c['name']} sets {e['name']}, a real setting")
            if re.search(r"PASSWORD|AdminKey", e["name"]):
                check("valueFrom" in e, f"k8s: {name}/{c['name']}'s {e['name']} comes from a secret")
    main = spec["template"]["spec"]["containers"][0]
    check(main.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/health/ready", f"k8s: {name} readiness probes /health/ready")
    check(main.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/health/live", f"k8s: {name} liveness probes /health/live")
    check("requests" in main.get("resources", {}), f"k8s: {name} requests resources")
    check(spec["template"]["spec"].get("securityContext", {}).get("runAsNonRoot") is True, f"k8s: {name} runs as non-root")
env = lambda d: {e["name"]: e.get("value") for e in deployments[d]["spec"]["template"]["spec"]["containers"][0]["env"]}
check(env("accountability-api").get("Accountability__RunProjectionDaemon") == "false", "k8s: API nodes run no daemon")
check(env("accountability-worker").get("Accountability__RunProjectionDaemon") == "true", "k8s: the worker runs the daemon")
worker = deployments["accountability-worker"]["spec"]
check(worker["replicas"] >= 2 and worker["strategy"]["type"] == "RollingUpdate", "k8s: several workers, rolled so that one always runs")
check(deployments["accountability-api"]["spec"]["replicas"] >= 2, "k8s: several API replicas")
pdbs = by_kind.get("PodDisruptionBudget", [])
api_labels = deployments["accountability-api"]["spec"]["template"]["metadata"]["labels"]
check(any(all(api_labels.get(k) == v for k, v in p["spec"]["selector"]["matchLabels"].items()) for p in pdbs), "k8s: a PodDisruptionBudget covers the API pods")
for s in by_kind.get("Service", []):
    check(any(all(d["spec"]["template"]["metadata"]["labels"].get(k) == v for k, v in s["spec"]["selector"].items()) for d in deployments.values()),
          f"k8s: service {s['metadata']['name']} selects pods")
check(not by_kind.get("Secret"), "k8s: no Secret is written in the manifests")
settings_maps = [cm.get("data", {}) for cm in by_kind.get("ConfigMap", [])]
if not settings_maps:  # without kubectl the generated config map is not rendered: read its literals
    kustomization = yaml.safe_load(open("deploy/k8s/kustomization.yaml"))
    settings_maps = [dict(l.split("=", 1) for l in g.get("literals", [])) for g in kustomization.get("configMapGenerator", [])]
check(any(m.get("Accountability__ServeApiExplorer") == "false" for m in settings_maps), "k8s: no node serves Swagger UI")
for cm in by_kind.get("ConfigMap", []):
    for variable in cm.get("data", {}):
        check(known(variable) and not re.search(r"PASSWORD|AdminKey", variable), f"k8s: config map sets {variable}, a real setting and no secret")

cnpg = yaml.safe_load(open("deploy/k8s/cloudnativepg/cluster.yaml"))
check(cnpg["kind"] == "Cluster" and cnpg["apiVersion"].startswith("postgresql.cnpg.io/"), "k8s: the CloudNativePG cluster parses")
sys.exit(1 if failures else 0)
PY

# NGINX_BIN may name an nginx binary off the PATH (e.g. one unpacked with `apt-get download nginx nginx-common`).
nginx="${NGINX_BIN:-$(command -v nginx || true)}"
if [[ -n "$nginx" ]]; then
    # The proxied name resolves per request, so nginx -t needs no Docker network to accept the file.
    "$nginx" -t -q -c "$repo/deploy/nginx.conf" -g 'error_log stderr;' && echo "ok   nginx -t deploy/nginx.conf"
else
    echo "skip nginx is not installed (apt-get install nginx, or set NGINX_BIN): deploy/nginx.conf was not checked" >&2
fi
echo "check-manifests: all good"
