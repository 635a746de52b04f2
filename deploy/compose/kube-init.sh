#!/bin/sh
# One-shot step of docker-compose.yml, run in the k3s image (busybox sh and kubectl) once k3s is ready:
#  1. /kube/kubeconfig.yaml: k3s's admin kubeconfig with the server at https://k3s:6443 (k3s writes 127.0.0.1),
#     readable by the services' user (65532); /kube/dex-kubeconfig.yaml: the same with the namespace "auth",
#     where Dex keeps its objects and auth-service writes the accounts' Password objects
#  2. the suite's CustomResourceDefinitions (the chart's crds/, the files the tests register), established
#  3. the namespace "auth"
set -eu
src=/output/kubeconfig.yaml
i=0
until [ -s "$src" ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { echo "kube-init: k3s wrote no $src" >&2; exit 1; }
  sleep 2
done
sed 's#https://127.0.0.1:6443#https://k3s:6443#' "$src" > /kube/kubeconfig.yaml.tmp
chmod 0644 /kube/kubeconfig.yaml.tmp
mv /kube/kubeconfig.yaml.tmp /kube/kubeconfig.yaml
export KUBECONFIG=/kube/kubeconfig.yaml

kubectl apply -f /crds
kubectl wait --for condition=established --timeout=120s -f /crds
kubectl create namespace auth --dry-run=client -o yaml | kubectl apply -f -

cp /kube/kubeconfig.yaml /kube/dex-kubeconfig.yaml.tmp
KUBECONFIG=/kube/dex-kubeconfig.yaml.tmp kubectl config set-context --current --namespace=auth
chmod 0644 /kube/dex-kubeconfig.yaml.tmp
mv /kube/dex-kubeconfig.yaml.tmp /kube/dex-kubeconfig.yaml
echo "kube-init: kubeconfigs written, CRDs established, namespace auth there"
