"""The committed SDK loads what a program uses, when it uses it.

Importing the package and making a client import no model and not ``pydantic.main`` (where
pydantic builds models); reading ``client.images`` imports that API class and nothing else;
a call imports the models its response is parsed into (the spec's ``$ref`` closure of the
response schema) and, only when an error arrives, the error's model. Each check runs in a
fresh interpreter, so nothing this test process imported counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from tests.conftest import GENERATED, load_spec
from tests.sdk.test_surface import snake

SPEC = load_spec()

PRELUDE = """
import json, sys
import httpx

def loaded():
    return {
        "pydantic.main": "pydantic.main" in sys.modules,
        "models": sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("leap.models.")),
        "resources": sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("leap.resources.")),
    }
"""


def run(code: str) -> Any:
    """What ``code`` (after :data:`PRELUDE`) prints as its last line, as JSON."""
    env = {**os.environ, "PYTHONPATH": str(GENERATED)}
    result = subprocess.run([sys.executable, "-c", PRELUDE + code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def closure(schema: str) -> set[str]:
    """``schema`` and every component schema it refers to, read from the spec (not the generator)."""
    found: set[str] = set()
    todo = [schema]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        stack: list[Any] = [SPEC["components"]["schemas"][name]]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                    todo.append(ref.rsplit("/", 1)[1])
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return found


def test_importing_the_package_and_making_clients_loads_no_model() -> None:
    state = run(
        "import leap\n"
        "sync, asyncio_client = leap.Leap(api_key='k'), leap.AsyncLeap(api_key='k')\n"
        "state = loaded()\n"
        "state['pools'] = [sync._http_client is None, asyncio_client._http_client is None]\n"
        "print(json.dumps(state))\n"
    )
    assert state == {"pydantic.main": False, "models": [], "resources": [], "pools": [True, True]}


def test_reading_an_api_attribute_loads_that_api_class_only() -> None:
    state = run(
        "import leap\n"
        "client = leap.Leap(api_key='k')\n"
        "assert client.images is client.images\n"
        "print(json.dumps(loaded()))\n"
    )
    assert state == {"pydantic.main": False, "models": [], "resources": ["images"]}


def test_a_call_loads_the_models_of_its_response_and_an_error_its_error_model() -> None:
    job = SPEC["components"]["schemas"]["InferenceEntity"]["example"]
    state = run(
        f"job = {json.dumps(job)!r}\n"
        "import leap\n"
        "def answer(request):\n"
        "    if request.url.path.endswith('/missing'):\n"
        "        return httpx.Response(404, json={'statusCode': 404, 'message': 'no such job', 'error': 'Not Found'})\n"
        "    if request.url.path.endswith('/flaky') and not flaked:\n"
        "        flaked.append(request)\n"
        "        return httpx.Response(503, headers={'retry-after': '0'})\n"
        "    return httpx.Response(200, content=job.encode())\n"
        "flaked = []\n"
        "client = leap.Leap(api_key='k', base_url='http://test', http_client=httpx.Client(transport=httpx.MockTransport(answer)))\n"
        "found = client.images.find_one(model_id='m', inference_id='j')\n"
        "after_call = loaded()\n"
        "try:\n"
        "    client.images.find_one(model_id='m', inference_id='missing')\n"
        "except leap.NotFoundError as error:\n"
        "    body = type(error.body).__name__\n"
        "print(json.dumps({'after_call': after_call, 'after_error': loaded()['models'], 'body': body}))\n"
    )
    parsed = {snake(name) for name in closure("InferenceEntity")}
    assert "error_response" not in parsed and len(parsed) > 1
    assert state["after_call"] == {"pydantic.main": True, "models": sorted(parsed), "resources": ["images"]}
    assert state["after_error"] == sorted(parsed | {"error_response"})
    assert state["body"] == "ErrorResponse"


def test_models_and_api_classes_are_all_there_for_whoever_asks() -> None:
    state = run(
        "import leap, leap.models, leap.resources\n"
        "from leap.models import *\n"
        "from leap.resources import *\n"
        "try:\n"
        "    leap.models.NoSuchModel\n"
        "except AttributeError:\n"
        "    missing = True\n"
        "print(json.dumps({'all': leap.models.__all__, 'dir': dir(leap.models), 'api': leap.resources.__all__,\n"
        "    'defined': [name for name in leap.models.__all__ if name in globals()], 'missing': missing,\n"
        "    'package': 'models' in dir(leap)}))\n"
    )
    assert sorted(state["all"]) == sorted(SPEC["components"]["schemas"])
    assert set(state["all"]) <= set(state["dir"])
    assert state["defined"] == state["all"]
    assert sorted(state["api"]) == ["AsyncImageModelsApi", "AsyncImagesApi", "ImageModelsApi", "ImagesApi"]
    assert state["missing"] and state["package"]


RUNTIME = ("_hooks", "_secrets", "_uploads")
"""Runtime modules a client that does not use them never loads."""

RUNTIME_STATE = """
def runtime():
    return sorted(name for name in %r if f"leap.{name}" in sys.modules)
""" % (RUNTIME,)


def test_hooks_secrets_and_uploads_are_loaded_when_used_only() -> None:
    job = SPEC["components"]["schemas"]["InferenceEntity"]["example"]
    state = run(
        RUNTIME_STATE + f"job = {json.dumps(job)!r}\n"
        "import leap\n"
        "key = 'sk-a-key-long-enough-to-redact'\n"
        "leap.Leap(api_key='k'), leap.AsyncLeap(api_key='k')\n"
        "state = {'made': runtime()}\n"
        "def answer(request):\n"
        "    if request.url.path.endswith('/missing'):\n"
        "        return httpx.Response(401, json={'statusCode': 401, 'message': 'bad key ' + key, 'error': 'x'})\n"
        "    if request.url.path.endswith('/new'):\n"
        "        return httpx.Response(500, json={'statusCode': 500, 'message': 'no', 'error': 'x'})\n"
        "    if request.url.path.endswith('/flaky') and not flaked:\n"
        "        flaked.append(request)\n"
        "        return httpx.Response(503, headers={'retry-after': '0'})\n"
        "    return httpx.Response(200, content=job.encode())\n"
        "flaked = []\n"
        "client = leap.Leap(api_key=key, base_url='http://test', max_retries=0,\n"
        "    http_client=httpx.Client(transport=httpx.MockTransport(answer)))\n"
        "client.images.find_one(model_id='m', inference_id='j')\n"
        "state['called'] = runtime()\n"
        "client.with_options(max_retries=1).images.find_one(model_id='m', inference_id='flaky')\n"
        "state['retried'] = (len(flaked), runtime())\n"
        "try:\n"
        "    client.image_models.train_model(name='n', subject_keyword='k', image_sample_urls=['https://x'])\n"
        "except leap.InternalServerError:\n"
        "    pass\n"
        "state['failed'] = runtime()\n"
        "try:\n"
        "    client.images.find_one(model_id='m', inference_id='missing')\n"
        "except leap.AuthenticationError as error:\n"
        "    state['message'] = str(error)\n"
        "state['redacted'] = runtime()\n"
        "try:\n"
        "    client.image_models.train_model(name='n', subject_keyword='k', image_sample_files=[b'\\x89PNG'])\n"
        "except leap.InternalServerError:\n"
        "    pass\n"
        "state['uploaded'] = runtime()\n"
        "seen = []\n"
        "hooked = client.with_options(hooks=leap.Hooks(before_request=lambda event: seen.append(event.operation_id)))\n"
        "hooked.images.find_one(model_id='m', inference_id='j')\n"
        "state['hooked'] = runtime()\n"
        "state['seen'] = seen\n"
        "print(json.dumps(state))\n"
    )
    assert state["made"] == state["called"] == []
    assert state["retried"] == [1, []], "a retry of a client without hooks builds no hook event"
    # an error's text is redacted: the client holds a credential; a multipart body without a file uploads nothing
    assert state["failed"] == state["redacted"] == ["_secrets"]
    assert "bad key <redacted>" in state["message"] and "sk-a-key" not in state["message"]
    assert state["uploaded"] == ["_secrets", "_uploads"]
    assert state["hooked"] == list(RUNTIME) and len(state["seen"]) == 1
