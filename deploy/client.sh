#!/usr/bin/env bash
# Generates the partners' typed client (src/Accountability.Client/Generated/AccountabilityClient.cs) from the committed
# OpenAPI document with NSwag, pinned in .config/dotnet-tools.json (docs/decisions/0036). Run it after refreshing
# openapi/accountability.v1.json and commit both. `deploy/client.sh OUTPUT` writes elsewhere (the drift test does).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
output="${1:-src/Accountability.Client/Generated/AccountabilityClient.cs}"
dotnet tool restore >/dev/null
dotnet nswag openapi2csclient \
    /input:openapi/accountability.v1.json \
    /output:"$output" \
    /namespace:Accountability.Client \
    /operationGenerationMode:MultipleClientsFromOperationId \
    /className:{controller}Client \
    /generateClientInterfaces:true \
    /jsonLibrary:SystemTextJson \
    /useBaseUrl:false \
    /wrapResponses:true \
    /responseClass:ApiResponse \
    /exceptionClass:ApiException \
    /generateNullableReferenceTypes:true \
    /generateOptionalPropertiesAsNullable:true \
    /generateDataAnnotations:false \
    /arrayType:System.Collections.Generic.IReadOnlyList \
    /arrayInstanceType:System.Collections.Generic.List \
    /dictionaryType:System.Collections.Generic.IReadOnlyDictionary \
    /dictionaryInstanceType:System.Collections.Generic.Dictionary >/dev/null
echo "Wrote $output from openapi/accountability.v1.json"
