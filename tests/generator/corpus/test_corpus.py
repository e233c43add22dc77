"""Every public document of the corpus generates, imports and passes ``mypy --strict``.

The documents (see README.md here) are written by others; the generator must not fail on
them, and what it cannot do must be a warning, never an error or a traceback. Operation
and schema counts are those of the corpus README, so nothing is silently dropped.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.generator.corpus.imported import imported_package
from tests.generator.corpus.report import CREDENTIALS, DOCUMENTS, SPECS, digest, run_document

def test_the_copies_are_the_public_documents_with_their_licences() -> None:
    """specs/ holds each document as the bytes whose SHA-256 its manifest gives, its licence beside it,
    and nothing that no manifest names."""
    named = set()
    for document in DOCUMENTS.values():
        copy = SPECS / (document.tree or document.file)
        assert digest(copy) == document.sha256, f"{document.name}: {copy.name} is no longer the public document"
        assert (SPECS / document.file).is_file()
        assert (SPECS / document.licence_file).stat().st_size > 0
        named |= {(document.tree or document.file).split("/")[0], document.licence_file}
    assert {p.name for p in SPECS.iterdir()} - {"README.md", ".gitattributes"} == named


def test_every_manifest_says_where_its_document_comes_from() -> None:
    """Each manifest names the public repository, path and commit of its bytes, and why it is in the corpus;
    one whose bytes were taken from an npm package (as published, which a release may have stamped) also names
    the package, its version and the tarball's integrity (``npm view <package>@<version> dist.integrity``)."""
    for document in DOCUMENTS.values():
        manifest = document.manifest
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", str(manifest["repository"])), document.name
        assert re.fullmatch(r"[0-9a-f]{40}", str(manifest["commit"])), document.name
        assert manifest["path"] and manifest["licence"] and manifest["why"] and manifest["openapi"], document.name
        npm = {key: str(value) for key, value in manifest.items() if key.startswith("npm_")}
        if npm:
            assert set(npm) == {"npm_package", "npm_version", "npm_integrity"}, document.name
            assert re.fullmatch(r"(@[a-z0-9][\w.-]*/)?[a-z0-9][\w.-]*", npm["npm_package"]), document.name
            assert re.fullmatch(r"\d+\.\d+\.\d+([-+][\w.-]+)?", npm["npm_version"]), document.name
            assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", npm["npm_integrity"]), document.name


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_corpus_document_generates_imports_and_type_checks(name: str, tmp_path: Path) -> None:
    """Each document generates with no error, as many operations and component schemas as its manifest says,
    every file compiles, every module imports; mypy --strict passes on the sample the manifests mark."""
    document = DOCUMENTS[name]
    outcome = run_document(document, tmp_path, type_check=document.type_check)

    assert outcome.errors == []
    assert (outcome.operations, outcome.schemas) == (document.operations, document.schemas)
    assert outcome.compiles, outcome.details
    assert outcome.imports, outcome.details
    assert outcome.type_checks or not document.type_check, outcome.details
    assert "internal-error" not in outcome.warnings
    package = (document.config.package, document.config.client_class)
    if name in PROBES:
        _probe(tmp_path / name, PROBES[name], document.config.env_prefix)
    loaded = _loaded_after(tmp_path / name, package, CALLS.get(name, ""), ANSWERS.get(name, {}))
    assert loaded == {"pydantic.main": bool(name in CALLS), "models": EXPECTED_MODELS.get(name, [])}


#: Run in the generated Stripe SDK's folder: deepObject query parameters (``created[gt]``,
#: ``expand[0]``), and bearer or basic auth, the spec's two alternatives.
STRIPE_PROBE = """
import base64, httpx, stripe_sdk
sent = []
def answer(request):
    sent.append(request)
    return httpx.Response(200, json={"object": "list", "data": [], "has_more": False, "url": "/v1/charges"})
bearer = stripe_sdk.Stripe(api_key="sk_test_1", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
bearer.charges.get_charges(created={"gt": 1700000000, "lte": 1800000000}, expand=["data.customer"], limit=3)
assert str(sent[-1].url) == "https://api.stripe.com/v1/charges?created%5Bgt%5D=1700000000&created%5Blte%5D=1800000000&expand%5B0%5D=data.customer&limit=3", sent[-1].url
assert sent[-1].headers["Authorization"] == "Bearer sk_test_1"
basic = stripe_sdk.Stripe(username="sk_test_2", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
basic.charges.get_charges(created=5)
assert str(sent[-1].url) == "https://api.stripe.com/v1/charges?created=5", sent[-1].url
assert sent[-1].headers["Authorization"] == "Basic " + base64.b64encode(b"sk_test_2:").decode()
"""


#: Run in the generated OpenAI SDK's folder: the bearer key, a chat completion streamed as typed
#: server-sent events when ``stream=True`` (the document's JSON-or-stream operation), and the key
#: kept out of an error that repeats it.
OPENAI_PROBE = """
import httpx, json, openai_sdk
sent = []
def answer(request):
    sent.append(request)
    if json.loads(request.content).get("stream"):
        chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": []}
        body = b"data: " + json.dumps(chunk).encode() + b"\\n\\ndata: [DONE]\\n\\n"
        return httpx.Response(200, headers={"Content-Type": "text/event-stream"}, content=body)
    return httpx.Response(401, json={"error": {"message": "Incorrect API key provided: sk-test-0123456789"}})
client = openai_sdk.OpenAI(api_key="sk-test-0123456789", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(answer)))
with client.chat.create_chat_completion(model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=True) as stream:
    events = list(stream)
assert [type(e).__name__ for e in events] == ["CreateChatCompletionStreamResponse"] and events[0].id == "c1", events
assert sent[-1].headers["Authorization"] == "Bearer sk-test-0123456789"
assert sent[-1].url == "https://api.openai.com/v1/chat/completions", sent[-1].url
try:
    client.chat.create_chat_completion(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
except openai_sdk.AuthenticationError as error:
    assert "sk-test-0123456789" not in str(error) + repr(error), error
else:
    raise AssertionError("a 401 raises")
"""
#: Run in the generated Box SDK's folder: an OAuth2-only API (authorizationCode and
#: clientCredentials) sends the access token it is given as a bearer token.
BOX_PROBE = """
import httpx, box_sdk
sent = []
def answer(request):
    sent.append(request)
    return httpx.Response(200, json={"type": "user", "id": "11446498"})
client = box_sdk.Box(access_token="box-token-123", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
client.users.get_users_me()
assert sent[-1].headers["Authorization"] == "Bearer box-token-123"
assert str(sent[-1].url).startswith("https://api.box.com/2.0/users/me"), sent[-1].url
"""
#: Run in the generated Leonardo SDK's folder: an image-generation job submitted (POST /generations) and
#: polled (GET /generations/{id}) until its status is COMPLETE, blocking and asyncio, with the bearer key;
#: the document has no waiter, so the loop is the caller's.
LEONARDO_PROBE = """
import asyncio, httpx, json, leonardo_sdk
from leonardo_sdk.models import CreateGenerationResponse, GetGenerationByIdResponse
sent = []
def answer(request):
    sent.append(request)
    if request.method == "POST":
        return httpx.Response(200, json={"sdGenerationJob": {"generationId": "gen-1", "apiCreditCost": 8}})
    polls = sum(1 for r in sent if r.method == "GET" and r.url.path == request.url.path)
    status = "COMPLETE" if polls % 3 == 0 else "PENDING"
    images = [{"id": "img-1", "url": "https://cdn.leonardo.ai/img-1.jpg", "nsfw": False}] if status == "COMPLETE" else []
    return httpx.Response(200, json={"generations_by_pk": {"id": "gen-1", "status": status, "prompt": "a fox", "generated_images": images}})
def check(job, polled):
    assert isinstance(job, CreateGenerationResponse) and job.sd_generation_job.generation_id == "gen-1", job
    assert [p.generations_by_pk.status for p in polled] == ["PENDING", "PENDING", "COMPLETE"], polled
    assert all(isinstance(p, GetGenerationByIdResponse) for p in polled)
    assert polled[-1].generations_by_pk.generated_images[0].url == "https://cdn.leonardo.ai/img-1.jpg"
    submit, *polls = sent[-4:]
    assert (submit.method, str(submit.url)) == ("POST", "https://cloud.leonardo.ai/api/rest/v1/generations"), submit
    body = json.loads(submit.content)
    assert body["prompt"] == "a fox" and body["num_images"] == 1 and body["modelId"] == "m-1", body
    assert [(r.method, str(r.url)) for r in polls] == [("GET", "https://cloud.leonardo.ai/api/rest/v1/generations/gen-1")] * 3
    assert all(r.headers["Authorization"] == "Bearer leo-key" for r in sent[-4:])
client = leonardo_sdk.Leonardo(api_key="leo-key", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
job = client.image.create_generation(prompt="a fox", num_images=1, model_id="m-1")
polled = [client.image.get_generation_by_id(id=job.sd_generation_job.generation_id)]
while polled[-1].generations_by_pk.status == "PENDING":
    polled.append(client.image.get_generation_by_id(id=job.sd_generation_job.generation_id))
check(job, polled)
async def run():
    aclient = leonardo_sdk.AsyncLeonardo(api_key="leo-key", http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)))
    job = await aclient.image.create_generation(prompt="a fox", num_images=1, model_id="m-1")
    polled = [await aclient.image.get_generation_by_id(id=job.sd_generation_job.generation_id)]
    while polled[-1].generations_by_pk.status == "PENDING":
        polled.append(await aclient.image.get_generation_by_id(id=job.sd_generation_job.generation_id))
    check(job, polled)
asyncio.run(run())
"""
#: Run in the generated Text Generation Inference SDK's folder: /generate_stream (a document with no
#: servers: the base URL is given) answers server-sent events, read as typed StreamResponse events,
#: blocking and asyncio.
TGI_PROBE = """
import asyncio, httpx, json, tgi_sdk
from tgi_sdk.models import StreamResponse
sent = []
def event(index, text, final=None):
    return ("data:" + json.dumps({"index": index, "token": {"id": index, "text": text, "logprob": -0.5, "special": False}, "generated_text": final}) + "\\n\\n").encode()
def answer(request):
    sent.append(request)
    return httpx.Response(200, headers={"Content-Type": "text/event-stream"}, content=event(1, "Hello") + b": keep-alive\\n\\n" + event(2, " world", "Hello world"))
def check(events):
    assert [type(e) for e in events] == [StreamResponse, StreamResponse], events
    assert [e.token.text for e in events] == ["Hello", " world"] and events[-1].generated_text == "Hello world", events
    assert events[0].token.logprob == -0.5 and events[0].token.special is False
    assert (sent[-1].method, str(sent[-1].url)) == ("POST", "http://tgi.local:8080/generate_stream"), sent[-1].url
    assert json.loads(sent[-1].content) == {"inputs": "Hi", "parameters": {"max_new_tokens": 2}}, sent[-1].content
    assert "text/event-stream" in sent[-1].headers.get("Accept", ""), sent[-1].headers
client = tgi_sdk.TextGenerationInference(base_url="http://tgi.local:8080", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
with client.text_generation_inference.generate_stream(inputs="Hi", parameters={"max_new_tokens": 2}) as stream:
    check(list(stream))
async def run():
    aclient = tgi_sdk.AsyncTextGenerationInference(base_url="http://tgi.local:8080", http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)))
    async with await aclient.text_generation_inference.generate_stream(inputs="Hi", parameters={"max_new_tokens": 2}) as stream:
        check([e async for e in stream])
asyncio.run(run())
"""
#: Run in the generated Square SDK's folder: a multipart upload whose parts are a JSON object (the
#: ``request`` model, typed by the spec's ``encoding``) and an image file, to a path whose parameter
#: holds a space and a slash (percent-encoded), with the OAuth2 access token; blocking and async clients.
SQUARE_PROBE = """
import asyncio, email.parser, email.policy, httpx, json, square_sdk
from square_sdk.models import UpdateCatalogImageRequest
sent = []
def answer(request):
    request.read()
    sent.append(request)
    return httpx.Response(200, json={"image": {"type": "IMAGE", "id": "img 1/2"}})
def parts(request):
    head = f"Content-Type: {request.headers['content-type']}\\r\\n\\r\\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    return {p.get_param("name", header="content-disposition"): (p.get_content_type(), p.get_filename(), p.get_payload(decode=True)) for p in message.iter_parts()}
def check(request):
    assert request.method == "PUT" and str(request.url) == "https://connect.squareup.com/v2/catalog/images/img%201%2F2", request.url
    assert request.headers["Authorization"] == "Bearer sq-token"
    found = parts(request)
    assert found["request"][0] == "application/json" and json.loads(found["request"][2]) == {"idempotency_key": "k-1"}, found
    assert found["image_file"] == ("image/jpeg", "cat.jpg", b"\\xff\\xd8\\xff\\xe0jpeg"), found
client = square_sdk.Square(access_token="sq-token", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
image = client.catalog.update_catalog_image(image_id="img 1/2", request=UpdateCatalogImageRequest(idempotency_key="k-1"), image_file=("cat.jpg", b"\\xff\\xd8\\xff\\xe0jpeg"))
assert image.image is not None and image.image.id == "img 1/2", image
check(sent[-1])
async def main():
    async with square_sdk.AsyncSquare(access_token="sq-token", http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer))) as client:
        await client.catalog.update_catalog_image(image_id="img 1/2", request={"idempotency_key": "k-1"}, image_file=("cat.jpg", b"\\xff\\xd8\\xff\\xe0jpeg"))
asyncio.run(main())
check(sent[-1])
"""
#: Run in the generated Adyen transfer-webhooks SDK's folder (a document with webhooks and no paths): every
#: example body of the document parses, as bytes, into its typed entity, and a body of another shape is refused.
ADYEN_WEBHOOKS_PROBE = """
import json, yaml, adyen_transfer_webhooks as sdk
spec = yaml.safe_load(open(SPEC, encoding="utf-8"))
client = sdk.AdyenTransferWebhooks()
bodies = [example["value"] for example in spec["components"]["examples"].values()]
assert len(bodies) >= 10, len(bodies)
for body in bodies:
    entity = client.webhooks.parse(json.dumps(body).encode())
    assert type(entity).__name__ == "TransferNotificationRequest", entity
    assert entity.type_ == body["type"] and entity.data.amount.value == body["data"]["amount"]["value"], entity
    assert type(entity.data).__name__ == "TransferData", entity.data
try:
    client.webhooks.parse(b'{"environment": "test"}')
except sdk.WebhookParseError:
    pass
else:
    raise AssertionError("a body without data is no transfer notification")
""".replace("SPEC", repr(str(SPECS / "adyen-transfer-webhooks.yaml")))
#: Run in the generated Bandwidth SDK's folder (a document with no root servers: each path item names its
#: API's server, written once as a YAML anchor, ``servers: &ref_2``, and reused as an alias, ``servers: *ref_2``):
#: operations under an anchor and under its aliases are sent to the anchor's server, blocking and asyncio. Its
#: operation callbacks (the webhooks Bandwidth sends) give no client method, and every example body of a callback
#: parses into the component model the callback names.
BANDWIDTH_PROBE = """
import asyncio, httpx, importlib, inspect, json, pkgutil, yaml, bandwidth_sdk as sdk, bandwidth_sdk.resources
from bandwidth_sdk import models
sent = []
def answer(request):
    sent.append(request)
    if request.url.host == "mfa.bandwidth.com":
        return httpx.Response(200, json={"messageId": "m-1", "callId": "c-1"})
    if request.url.path.endswith("/messages"):
        return httpx.Response(200, json={"totalCount": 0, "messages": []})
    return httpx.Response(200, json={"callId": "c-1", "state": "active"})
code = dict(account_id="acc-1", to="+15550001", from_="+15550002", application_id="app-1", message="Your code is {CODE}", digits=6)
def calls(client):
    return [
        lambda: client.mfa.generate_voice_code(**code),      # servers: &ref_2 (the anchor)
        lambda: client.mfa.generate_messaging_code(**code),  # servers: *ref_2 (an alias of it)
        lambda: client.calls.get_call_state(account_id="acc-1", call_id="c-1"),  # servers: *ref_1
        lambda: client.messages.list_messages(account_id="acc-1"),               # servers: *ref_0
    ]
EXPECTED = [
    ("POST", "https://mfa.bandwidth.com/api/v1/accounts/acc-1/code/voice"),
    ("POST", "https://mfa.bandwidth.com/api/v1/accounts/acc-1/code/messaging"),
    ("GET", "https://voice.bandwidth.com/api/v2/accounts/acc-1/calls/c-1"),
    ("GET", "https://messaging.bandwidth.com/api/v2/users/acc-1/messages"),
]
client = sdk.Bandwidth(username="u", password="p", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
for call in calls(client):
    call()
assert [(r.method, str(r.url)) for r in sent] == EXPECTED, [(r.method, str(r.url)) for r in sent]
assert json.loads(sent[1].content) == {"to": "+15550001", "from": "+15550002", "applicationId": "app-1", "message": "Your code is {CODE}", "digits": 6}, sent[1].content
async def run():
    aclient = sdk.AsyncBandwidth(username="u", password="p", http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)))
    for call in calls(aclient):
        await call()
del sent[:]
asyncio.run(run())
assert [(r.method, str(r.url)) for r in sent] == EXPECTED, [(r.method, str(r.url)) for r in sent]
# Callbacks are requests Bandwidth sends: no client method for them (the toll-free verification callback's
# operationId is tfvRequest), while the bodies they carry are models that parse every example of the document.
modules = [importlib.import_module(f"bandwidth_sdk.resources.{m.name}") for m in pkgutil.iter_modules(sdk.resources.__path__)]
methods = {name for module in modules for _, cls in inspect.getmembers(module, inspect.isclass) if cls.__module__ == module.__name__ for name in vars(cls)}
assert "request_toll_free_verification" in methods and "tfv_request" not in methods and not any("callback" in m for m in methods), sorted(methods)
spec = yaml.safe_load(open(SPEC, encoding="utf-8"))
parsed = 0
for callback in spec["components"]["callbacks"].values():
    for item in callback.values():
        body = item["post"]["requestBody"]
        for media in body.get("content", {}).values():
            if "$ref" not in media["schema"]:
                continue
            model = getattr(models, media["schema"]["$ref"].rsplit("/", 1)[1][:1].upper() + media["schema"]["$ref"].rsplit("/", 1)[1][1:])
            for example in media.get("examples", {}).values():
                if "$ref" in example:
                    example = spec["components"]["examples"][example["$ref"].rsplit("/", 1)[1]]
                entity = model.model_validate(example["value"])
                dumped = entity.model_dump(by_alias=True, exclude_unset=True)
                assert dumped.keys() == example["value"].keys() and dumped["type"] == example["value"]["type"], (model, example)
                parsed += 1
assert parsed == 9, parsed
""".replace("SPEC", repr(str(SPECS / "bandwidth.yml")))
#: Run in the generated Linode SDK's folder: response links (each a $ref to components/links) are read harmlessly:
#: with no waiter they give no ``_and_wait`` method, and each names an operation the SDK has, with the link's
#: parameters among its arguments; one is followed by hand (get an instance, boot it by its id), blocking and asyncio.
LINODE_PROBE = """
import asyncio, httpx, importlib, inspect, pkgutil, re, yaml, linode_sdk as sdk, linode_sdk.resources
# No waiter in the document: its links give no _and_wait method. Each of its response links (each a $ref to
# components/links) names an operation the SDK has, with the link's parameters among that method's arguments.
def snake(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
methods = {}
for found in pkgutil.iter_modules(sdk.resources.__path__):
    module = importlib.import_module(f"linode_sdk.resources.{found.name}")
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if cls.__module__ == module.__name__:
            methods.update({name: member for name, member in vars(cls).items() if inspect.isfunction(member)})
assert "boot_linode_instance" in methods and not any(name.endswith("_and_wait") for name in methods), sorted(methods)
spec = yaml.safe_load(open(SPEC, encoding="utf-8"))
followed = []
for path, item in spec["paths"].items():
    for op in item.values():
        for response in (op.get("responses") or {}).values() if isinstance(op, dict) else ():
            for name, link in (response.get("links") or {}).items():
                assert set(link) == {"$ref"}, link
                link = spec["components"]["links"][link["$ref"].rsplit("/", 1)[1]]
                arguments = inspect.signature(methods[snake(link["operationId"])]).parameters
                assert all(snake(p) in arguments for p in link["parameters"]), (name, link, list(arguments))
                followed.append(snake(link["operationId"]))
assert len(followed) == 14 and "attach_volume" in followed and "resize_linode_instance" in followed, followed
# One link followed by hand, as a caller would, blocking and asyncio: GET an instance, then boot it by its id.
sent = []
def answer(request):
    sent.append(request)
    if request.method == "GET":
        return httpx.Response(200, json={"id": 123, "label": "web-1", "status": "offline"})
    return httpx.Response(200, json={})
EXPECTED = [("GET", "https://api.linode.com/v4/linode/instances/123"), ("POST", "https://api.linode.com/v4/linode/instances/123/boot")]
client = sdk.Linode(access_token="lin-token", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
instance = client.linode_instances.get_linode_instance(linode_id=123)
client.linode_instances.boot_linode_instance(linode_id=instance.id)
assert [(r.method, str(r.url)) for r in sent] == EXPECTED, sent
assert all(r.headers["Authorization"] == "Bearer lin-token" for r in sent)
async def run():
    aclient = sdk.AsyncLinode(access_token="lin-token", http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)))
    instance = await aclient.linode_instances.get_linode_instance(linode_id=123)
    await aclient.linode_instances.boot_linode_instance(linode_id=instance.id)
del sent[:]
asyncio.run(run())
assert [(r.method, str(r.url)) for r in sent] == EXPECTED, sent
""".replace("SPEC", repr(str(SPECS / "linode.yaml")))
#: Run in the generated SDK of OpenAI's document of August 2024 (written with YAML anchors and aliases): a parameter
#: or property written as an alias has the annotation, default and docs of the one its anchor is on (``user``, ``n``,
#: ``response_format``, ``logprobs``, a token's ``bytes``), the aliases after an anchor written again read its latest text, and
#: the aliased parameters are sent and the aliased models read, blocking and asyncio.
OPENAI_2024_PROBE = """
import asyncio, httpx, inspect, json, openai_2024_sdk as sdk
from openai_2024_sdk import models
# A property or parameter written as an alias (user: *end_user_param_configuration, n: *images_n, logprobs:
# *chat_completion_response_logprobs ...) is the anchor's schema: the same annotation, default and docs as the
# property its anchor is on.
client = sdk.OpenAI(api_key="sk-test")
def argument(method, name):
    found = inspect.signature(method).parameters[name]
    return str(found.annotation), found.default
anchor_user = argument(client.completions.create_completion, "user")
assert anchor_user == ("str | None", None), anchor_user
for method in (client.chat.create_chat_completion, client.images.create_image, client.images.create_image_edit, client.images.create_image_variation, client.embeddings.create_embedding):
    assert argument(method, "user") == anchor_user, method
    assert "A unique identifier representing your end-user" in " ".join(method.__doc__.split()), method
for name in ("n", "response_format"):
    assert argument(client.images.create_image_variation, name) == argument(client.images.create_image, name), name
assert argument(client.images.create_image_edit, "response_format") == ("Literal['url', 'b64_json'] | None", "url")
def fields(model, names=None):
    return {name: (str(f.annotation), f.alias, f.is_required(), f.default) for name, f in model.model_fields.items() if names is None or name in names}
assert fields(models.ChatCompletionTokenLogprobTopLogprobsItem) == fields(models.ChatCompletionTokenLogprob, {"token", "logprob", "bytes_"}), fields(models.ChatCompletionTokenLogprobTopLogprobsItem)
assert fields(models.CreateChatCompletionStreamResponseChoicesItemLogprobs) == fields(models.CreateChatCompletionResponseChoicesItemLogprobs) != {}
# Two anchor names written more than once (&run_temperature_description twice, &run_top_p_description four times): an alias reads the text of the latest.
for method in (client.assistants.create_thread_and_run, client.assistants.modify_assistant, client.assistants.create_run):
    text = " ".join(method.__doc__.split())
    assert "What sampling temperature to use, between 0 and 2." in text and "called nucleus sampling" in text, method
# On the wire, blocking and asyncio: the aliased user and image parameters are sent; a completion's logprobs (the
# anchor) and a streamed chunk's (its alias) read as the same typed models.
token = {"token": "Hi", "logprob": -0.1, "bytes": [72, 105], "top_logprobs": [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105]}]}
sent = []
def answer(request):
    sent.append(request)
    if request.url.path.endswith("/variations"):
        return httpx.Response(200, json={"created": 1, "data": [{"b64_json": "aGk="}]})
    choice = {"index": 0, "message": {"role": "assistant", "content": "Hi"}, "finish_reason": "stop", "logprobs": {"content": [token]}}
    return httpx.Response(200, json={"id": "c-1", "object": "chat.completion", "created": 1, "model": "gpt-4o", "choices": [choice]})
def check(completion, image):
    chat, variation = sent[-2:]
    assert json.loads(chat.content)["user"] == "user-1", chat.content
    for part in (b'name="n"\\r\\n\\r\\n2\\r\\n', b'name="response_format"\\r\\n\\r\\nb64_json\\r\\n', b'name="user"\\r\\n\\r\\nuser-1\\r\\n'):
        assert part in variation.content, variation.content
    assert image.data[0].b64_json == "aGk="
    logprobs = completion.choices[0].logprobs
    assert type(logprobs).__name__ == "CreateChatCompletionResponseChoicesItemLogprobs" and logprobs.content[0].top_logprobs[0].bytes_ == [72, 105], logprobs
blocking = sdk.OpenAI(api_key="sk-test", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
completion = blocking.chat.create_chat_completion(model="gpt-4o", messages=[{"role": "user", "content": "hi"}], logprobs=True, user="user-1")
check(completion, blocking.images.create_image_variation(image=("a.png", b"PNG"), n=2, response_format="b64_json", user="user-1"))
async def run():
    aclient = sdk.AsyncOpenAI(api_key="sk-test", http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)))
    completion = await aclient.chat.create_chat_completion(model="gpt-4o", messages=[{"role": "user", "content": "hi"}], logprobs=True, user="user-1")
    check(completion, await aclient.images.create_image_variation(image=("a.png", b"PNG"), n=2, response_format="b64_json", user="user-1"))
asyncio.run(run())
chunk = models.CreateChatCompletionStreamResponse.model_validate({"id": "c-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o", "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": None, "logprobs": {"content": [token]}}]})
logprobs = chunk.choices[0].logprobs
assert type(logprobs).__name__ == "CreateChatCompletionStreamResponseChoicesItemLogprobs" and type(logprobs.content[0]) is models.ChatCompletionTokenLogprob, logprobs
"""
PROBES = {"stripe-spec3": STRIPE_PROBE, "openai": OPENAI_PROBE, "box": BOX_PROBE, "leonardo": LEONARDO_PROBE, "tgi": TGI_PROBE, "square": SQUARE_PROBE, "adyen-transfer-webhooks": ADYEN_WEBHOOKS_PROBE, "bandwidth": BANDWIDTH_PROBE, "linode": LINODE_PROBE, "openai-2024": OPENAI_2024_PROBE}


def _probe(folder: Path, code: str, env_prefix: str) -> None:
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(env_prefix + "_")}
    result = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


#: A call through ``client`` (answered by a mock) after making the client, and the model modules it may load.
CALLS = {
    "stripe-spec3": "client.customers.delete_customers_customer(customer='cus_1')",
}
ANSWERS = {"stripe-spec3": {"id": "cus_1", "object": "customer", "deleted": True}}
EXPECTED_MODELS = {"stripe-spec3": ["deleted_customer"]}  # not ``error``, whose closure is half of Stripe's schemas


def _loaded_after(out: Path, names: tuple[str, str], call: str, answer_body: object) -> dict[str, object]:
    """What importing the package, making a client and then ``call`` loaded, in a fresh interpreter."""
    import json
    import os
    import subprocess
    import sys

    package, client_class = names
    answer = repr(answer_body)
    code = (
        "import inspect, json, sys, httpx\n"
        f"import {package}\n"
        f"C = {package}.{client_class}\n"
        f"client = C(**{CREDENTIALS}, http_client=httpx.Client(transport=httpx.MockTransport("
        f"lambda request: httpx.Response(200, json={answer}))))\n"
        f"{call}\n"
        "print(json.dumps({'pydantic.main': 'pydantic.main' in sys.modules, "
        f"'models': sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('{package}.models.'))}}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(out)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    loaded: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded




def test_petstore_round_trips_through_the_generated_client(tmp_path: Path) -> None:
    """The generated Petstore SDK sends what the document describes and parses what it answers; imported into
    this interpreter for the test only, it is gone from ``sys.modules`` and its folder from ``sys.path`` after."""
    import sys

    import httpx

    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        sent.append(request)
        if request.url.path.endswith("/uploadImage"):
            return httpx.Response(200, json={"code": 200, "type": "ok", "message": "stored"})
        if request.url.path == "/api/v3/pet/10":
            return httpx.Response(200, json={"id": 10, "name": "doggie", "category": {"id": 1, "name": "Dogs"}, "photoUrls": ["u"], "tags": [], "status": "sold"})
        return httpx.Response(200, json=[{"id": 1, "name": "a", "photoUrls": [], "status": "pending"}])

    with imported_package(DOCUMENTS["petstore3"], tmp_path) as petstore:
        client = petstore.Petstore(access_token="tok", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        pet = client.pet.get_pet_by_id(pet_id=10)  # api_key or petstore_auth (oauth2 implicit): the access token
        assert str(sent[-1].url) == "https://petstore3.swagger.io/api/v3/pet/10" and sent[-1].headers["Authorization"] == "Bearer tok"
        assert pet.name == "doggie" and pet.category is not None and pet.category.name == "Dogs" and pet.status == "sold"
        found = client.pet.find_pets_by_status(status="pending")
        assert sent[-1].url.params["status"] == "pending" and found[0].name == "a"
        assert "api_key" not in sent[-1].headers and sent[-1].headers["Authorization"] == "Bearer tok"  # petstore_auth only
        keyed = petstore.Petstore(api_key="special-key", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        keyed.pet.get_pet_by_id(pet_id=10)
        assert sent[-1].headers["api_key"] == "special-key"
        stored = client.pet.upload_file(pet_id=10, content=b"\x89PNG", additional_metadata="m")  # application/octet-stream
        assert stored.message == "stored"
        assert (sent[-1].url.path, sent[-1].content, sent[-1].headers["content-type"]) == ("/api/v3/pet/10/uploadImage", b"\x89PNG", "application/octet-stream")
    assert [m for m in sys.modules if m.split(".")[0] == "petstore"] == [] and str(tmp_path / "petstore3") not in sys.path
