# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""ImageModelsApi and AsyncImageModelsApi: the operations tagged ``Image Models``.

Train custom image models from sample images, and list, retrieve and delete them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._response import (
    async_to_raw_response,
    async_to_streamed_response,
    to_raw_response,
    to_streamed_response,
)
from .._types import (
    NOT_GIVEN,
    ExtraBody,
    FileInput,
    Headers,
    NotGiven,
    ProgressCallback,
    Query,
    Timeout,
)
from .._utils import amultipart, multipart, path_template, require_exactly_one
from .._waiters import WaitRule, async_wait_for, wait_for

if TYPE_CHECKING:
    from ..models import ErrorResponse, ListModelsV2Response, ModelV2Entity

__all__ = ["AsyncImageModelsApi", "ImageModelsApi"]


class ImageModelsApi:
    """Train custom image models from sample images, and list, retrieve and delete them.

    Reached as ``client.image_models``. Source: spec tag ``Image Models``.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ImageModelsApiWithRawResponse:
        """The same operations, returning the HTTP response (:class:`APIResponse`) instead of the parsed body."""
        return ImageModelsApiWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ImageModelsApiWithStreamingResponse:
        """The same operations as context managers giving the response before its body is read (:class:`StreamedResponse`)."""
        return ImageModelsApiWithStreamingResponse(self)

    def train_model(
        self,
        *,
        name: str | None = None,
        subject_keyword: str | None = None,
        subject_type: str = "person",
        webhook_url: str | None = None,
        image_sample_urls: list[str] | None = None,
        image_sample_files: list[FileInput] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: ExtraBody | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> ModelV2Entity:
        """Train Model.

        Upload a few image samples, and train a new model. Training usually takes
        20-40 minutes. To be notified when the model completes training you must
        provide a `webhookUrl` in the training request, or check for completion by
        calling [Get a Single
        Model](https://reference.tryleap.ai/reference/get-model-1). After training
        completes, you can use the model to generate images with [Generate
        Images](https://reference.tryleap.ai/reference/inferencescontroller_create-1).

        Args:
            name: Provide a name so you can more easily identify the model.
                Optional. Form field ``name``.
            subject_keyword: This is the keyword you will use during image
                generation to trigger your custom subject. For example "a photo of
                @me". Optional. Form field ``subjectKeyword``.
            subject_type: The subject type - a short description, usually a noun,
                that describes what the underlying model is learning. For example:
                person, man, woman, cat, dog, icon, style. Defaults to "person".
                Default: ``"person"``. Form field ``subjectType``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the model completes training or fails. A URL. Optional.
                Form field ``webhookUrl``.
            image_sample_urls: An array of strings containing the URLs of the images
                to upload. Either this or imageSampleFiles is required, but not
                both. Optional. Form field ``imageSampleUrls``.
            image_sample_files: An array of files containing the images to upload.
                Either this or imageSampleUrls is required, but not both. Optional.
                Form field ``imageSampleFiles``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_body: Fields to add to the multipart request body (replacing those
                of the same name). Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.
            on_progress: Called as ``on_progress(sent, total)`` while the body is
                sent: bytes sent so far in this attempt, and the body's size
                (``None`` when unknown). Paths and files are sent in chunks, never
                read whole. Optional.

        Returns:
            ModelV2Entity: Successfully submitted training job. (HTTP 201)

        Raises:
            ValueError: Not exactly one of image_sample_urls, image_sample_files was given.
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``POST /api/v2/images/models/new``, operationId ``trainModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1new/post``).
        """
        from ..models.model_v2_entity import ModelV2Entity

        require_exactly_one(
            "train_model",
            image_sample_urls=image_sample_urls,
            image_sample_files=image_sample_files,
        )
        return self._client.request(
            "POST",
            "/api/v2/images/models/new",
            cast_to=ModelV2Entity,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            files=multipart(
                {
                    "name": name,
                    "subjectKeyword": subject_keyword,
                    "subjectType": subject_type,
                    "webhookUrl": webhook_url,
                    "imageSampleUrls": image_sample_urls,
                },
                {"imageSampleFiles": image_sample_files},
                content_types={
                    "imageSampleFiles": (
                        "image/png",
                        "image/jpeg",
                        "image/webp",
                        "application/octet-stream",
                    )
                },
            ),
            operation_id="trainModel",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            max_retries=max_retries,
            on_progress=on_progress,
        )

    def train_model_and_wait(
        self,
        *,
        name: str | None = None,
        subject_keyword: str | None = None,
        subject_type: str = "person",
        webhook_url: str | None = None,
        image_sample_urls: list[str] | None = None,
        image_sample_files: list[FileInput] | None = None,
        timeout: float | None = 3600.0,
        poll_interval: float = 10.0,
        max_poll_interval: float = 60.0,
        on_update: Callable[[ModelV2Entity], object] | None = None,
    ) -> ModelV2Entity:
        """Train Model, then wait until it has ended (``wait``).

        Calls ``train_model``, then ``get_model`` until the state is ``finished``.
        The job goes on on the server if the wait ends early.

        Args:
            name: Provide a name so you can more easily identify the model.
                Optional. Form field ``name``.
            subject_keyword: This is the keyword you will use during image
                generation to trigger your custom subject. For example "a photo of
                @me". Optional. Form field ``subjectKeyword``.
            subject_type: The subject type - a short description, usually a noun,
                that describes what the underlying model is learning. For example:
                person, man, woman, cat, dog, icon, style. Defaults to "person".
                Default: ``"person"``. Form field ``subjectType``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the model completes training or fails. A URL. Optional.
                Form field ``webhookUrl``.
            image_sample_urls: An array of strings containing the URLs of the images
                to upload. Either this or imageSampleFiles is required, but not
                both. Optional. Form field ``imageSampleUrls``.
            image_sample_files: An array of files containing the images to upload.
                Either this or imageSampleUrls is required, but not both. Optional.
                Form field ``imageSampleFiles``.
            timeout: Seconds to wait in all; ``None`` waits forever. Default:
                ``3600.0``.
            poll_interval: Seconds between the first polls; each pause is half again
                as long as the one before. Default: ``10.0``.
            max_poll_interval: The longest pause between polls, in seconds. Default:
                ``60.0``.
            on_update: Called with the job after every poll, to show progress (a
                coroutine function is awaited on the async client). Optional.

        Returns:
            ModelV2Entity: The job, in state ``finished``.

        Raises:
            JobFailedError: The job ended in state ``failed`` (``.entity`` is the
                job).
            WaitTimeoutError: ``timeout`` passed first (``.last`` is the job as last
                read, ``.state`` its state).
            ValueError: Not exactly one of image_sample_urls, image_sample_files was given.
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            the ``links`` entry from operationId ``trainModel`` to ``getModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1new/post/responses/201/links/GetModel``).
        """
        _submitted = self.train_model(
            name=name,
            subject_keyword=subject_keyword,
            subject_type=subject_type,
            webhook_url=webhook_url,
            image_sample_urls=image_sample_urls,
            image_sample_files=image_sample_files,
        )
        return self.wait(
            model_id=_submitted.id,
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_update=on_update,
        )

    def list_all_models(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ListModelsV2Response:
        """List All Models.

        This endpoint will return a list of all models for the workspace.

        Args:
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            ListModelsV2Response: Successfully retrieved models. (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``GET /api/v2/images/models``, operationId ``listAllModels``
            (spec ``#/paths/~1api~1v2~1images~1models/get``).
        """
        from ..models.list_models_v2_response import ListModelsV2Response

        return self._client.request(
            "GET",
            "/api/v2/images/models",
            cast_to=ListModelsV2Response,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="listAllModels",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_model(
        self,
        *,
        model_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ModelV2Entity:
        """Get a Single Model.

        This endpoint will return a single model.

        Args:
            model_id: The ID of the model to retrieve. Path parameter ``modelId``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            ModelV2Entity: Successfully retrieved the model. (HTTP 200)

        Raises:
            NotFoundError: Model does not exist (HTTP 404)
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``GET /api/v2/images/models/{modelId}``, operationId ``getModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/get``).
        """
        from ..models.model_v2_entity import ModelV2Entity

        return self._client.request(
            "GET",
            path_template("/api/v2/images/models/{modelId}", {"modelId": model_id}),
            cast_to=ModelV2Entity,
            errors={
                "404": ("error_response", "ErrorResponse"),
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="getModel",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def wait(
        self,
        *,
        model_id: str,
        timeout: float | None = 3600.0,
        poll_interval: float = 10.0,
        max_poll_interval: float = 60.0,
        on_update: Callable[[ModelV2Entity], object] | None = None,
    ) -> ModelV2Entity:
        """Wait until it has ended: call ``get_model`` until its state is ``finished``.

        The state is read from ``status``, the first one set. Every poll is an
        ordinary get_model request, retried as usual.

        Args:
            model_id: The ID of the model to retrieve. Path parameter ``modelId``.
            timeout: Seconds to wait in all; ``None`` waits forever. Default:
                ``3600.0``.
            poll_interval: Seconds between the first polls; each pause is half again
                as long as the one before. Default: ``10.0``.
            max_poll_interval: The longest pause between polls, in seconds. Default:
                ``60.0``.
            on_update: Called with the job after every poll, to show progress (a
                coroutine function is awaited on the async client). Optional.

        Returns:
            ModelV2Entity: The job, in state ``finished``.

        Raises:
            JobFailedError: The job ended in state ``failed`` (``.entity`` is the
                job).
            WaitTimeoutError: ``timeout`` passed first (``.last`` is the job as last
                read, ``.state`` its state).
            NotFoundError: Model does not exist (HTTP 404)
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            ``x-waiter`` of operationId ``getModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/get/x-waiter``).
        """
        return wait_for(
            lambda: self.get_model(model_id=model_id),
            WaitRule(["status"], frozenset(["finished"]), frozenset(["failed"])),
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_update=on_update,
        )

    def delete_model(
        self,
        *,
        model_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ModelV2Entity:
        """Delete a Model.

        This endpoint will delete a model. This is not reversible.

        Args:
            model_id: The ID of the model to delete. Path parameter ``modelId``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            ModelV2Entity: Successfully deleted the model (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``DELETE /api/v2/images/models/{modelId}``, operationId ``deleteModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/delete``).
        """
        from ..models.model_v2_entity import ModelV2Entity

        return self._client.request(
            "DELETE",
            path_template("/api/v2/images/models/{modelId}", {"modelId": model_id}),
            cast_to=ModelV2Entity,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="deleteModel",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class ImageModelsApiWithRawResponse:
    """The operations of :class:`ImageModelsApi`, each returning an :class:`APIResponse`.

    Reached as ``client.image_models.with_raw_response``. ``APIResponse.parse()`` gives
    what the plain method returns; a 4xx or 5xx status raises the same errors.
    """

    def __init__(self, api: ImageModelsApi) -> None:
        self.train_model = to_raw_response(api.train_model)
        self.list_all_models = to_raw_response(api.list_all_models)
        self.get_model = to_raw_response(api.get_model)
        self.delete_model = to_raw_response(api.delete_model)


class ImageModelsApiWithStreamingResponse:
    """The operations of :class:`ImageModelsApi`, each a context manager giving a :class:`StreamedResponse`.

    Reached as ``client.image_models.with_streaming_response``: ``with
    client.image_models.with_streaming_response.<method>(...) as response:`` sends the request
    (retried as usual) and gives the response before its body is read; read it with
    ``iter_bytes()``, ``read()`` or ``parse()``. The connection is closed when the block
    ends. A 4xx or 5xx status raises the same errors.
    """

    def __init__(self, api: ImageModelsApi) -> None:
        self.train_model = to_streamed_response(api.train_model)
        self.list_all_models = to_streamed_response(api.list_all_models)
        self.get_model = to_streamed_response(api.get_model)
        self.delete_model = to_streamed_response(api.delete_model)


class AsyncImageModelsApi:
    """Train custom image models from sample images, and list, retrieve and delete them.

    Reached as ``client.image_models`` on the async client; every method is a coroutine. Source: spec tag ``Image Models``.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncImageModelsApiWithRawResponse:
        """The same operations, returning the HTTP response (:class:`APIResponse`) instead of the parsed body."""
        return AsyncImageModelsApiWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncImageModelsApiWithStreamingResponse:
        """The same operations as context managers giving the response before its body is read (:class:`AsyncStreamedResponse`)."""
        return AsyncImageModelsApiWithStreamingResponse(self)

    async def train_model(
        self,
        *,
        name: str | None = None,
        subject_keyword: str | None = None,
        subject_type: str = "person",
        webhook_url: str | None = None,
        image_sample_urls: list[str] | None = None,
        image_sample_files: list[FileInput] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: ExtraBody | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> ModelV2Entity:
        """Train Model.

        Upload a few image samples, and train a new model. Training usually takes
        20-40 minutes. To be notified when the model completes training you must
        provide a `webhookUrl` in the training request, or check for completion by
        calling [Get a Single
        Model](https://reference.tryleap.ai/reference/get-model-1). After training
        completes, you can use the model to generate images with [Generate
        Images](https://reference.tryleap.ai/reference/inferencescontroller_create-1).

        Args:
            name: Provide a name so you can more easily identify the model.
                Optional. Form field ``name``.
            subject_keyword: This is the keyword you will use during image
                generation to trigger your custom subject. For example "a photo of
                @me". Optional. Form field ``subjectKeyword``.
            subject_type: The subject type - a short description, usually a noun,
                that describes what the underlying model is learning. For example:
                person, man, woman, cat, dog, icon, style. Defaults to "person".
                Default: ``"person"``. Form field ``subjectType``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the model completes training or fails. A URL. Optional.
                Form field ``webhookUrl``.
            image_sample_urls: An array of strings containing the URLs of the images
                to upload. Either this or imageSampleFiles is required, but not
                both. Optional. Form field ``imageSampleUrls``.
            image_sample_files: An array of files containing the images to upload.
                Either this or imageSampleUrls is required, but not both. Optional.
                Form field ``imageSampleFiles``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_body: Fields to add to the multipart request body (replacing those
                of the same name). Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.
            on_progress: Called as ``on_progress(sent, total)`` while the body is
                sent: bytes sent so far in this attempt, and the body's size
                (``None`` when unknown). Paths and files are sent in chunks, never
                read whole. Optional.

        Returns:
            ModelV2Entity: Successfully submitted training job. (HTTP 201)

        Raises:
            ValueError: Not exactly one of image_sample_urls, image_sample_files was given.
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``POST /api/v2/images/models/new``, operationId ``trainModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1new/post``).
        """
        from ..models.model_v2_entity import ModelV2Entity

        require_exactly_one(
            "train_model",
            image_sample_urls=image_sample_urls,
            image_sample_files=image_sample_files,
        )
        return await self._client.request(
            "POST",
            "/api/v2/images/models/new",
            cast_to=ModelV2Entity,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            files=await amultipart(
                {
                    "name": name,
                    "subjectKeyword": subject_keyword,
                    "subjectType": subject_type,
                    "webhookUrl": webhook_url,
                    "imageSampleUrls": image_sample_urls,
                },
                {"imageSampleFiles": image_sample_files},
                content_types={
                    "imageSampleFiles": (
                        "image/png",
                        "image/jpeg",
                        "image/webp",
                        "application/octet-stream",
                    )
                },
            ),
            operation_id="trainModel",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            max_retries=max_retries,
            on_progress=on_progress,
        )

    async def train_model_and_wait(
        self,
        *,
        name: str | None = None,
        subject_keyword: str | None = None,
        subject_type: str = "person",
        webhook_url: str | None = None,
        image_sample_urls: list[str] | None = None,
        image_sample_files: list[FileInput] | None = None,
        timeout: float | None = 3600.0,
        poll_interval: float = 10.0,
        max_poll_interval: float = 60.0,
        on_update: Callable[[ModelV2Entity], object] | None = None,
    ) -> ModelV2Entity:
        """Train Model, then wait until it has ended (``wait``).

        Calls ``train_model``, then ``get_model`` until the state is ``finished``.
        The job goes on on the server if the wait ends early.

        Args:
            name: Provide a name so you can more easily identify the model.
                Optional. Form field ``name``.
            subject_keyword: This is the keyword you will use during image
                generation to trigger your custom subject. For example "a photo of
                @me". Optional. Form field ``subjectKeyword``.
            subject_type: The subject type - a short description, usually a noun,
                that describes what the underlying model is learning. For example:
                person, man, woman, cat, dog, icon, style. Defaults to "person".
                Default: ``"person"``. Form field ``subjectType``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the model completes training or fails. A URL. Optional.
                Form field ``webhookUrl``.
            image_sample_urls: An array of strings containing the URLs of the images
                to upload. Either this or imageSampleFiles is required, but not
                both. Optional. Form field ``imageSampleUrls``.
            image_sample_files: An array of files containing the images to upload.
                Either this or imageSampleUrls is required, but not both. Optional.
                Form field ``imageSampleFiles``.
            timeout: Seconds to wait in all; ``None`` waits forever. Default:
                ``3600.0``.
            poll_interval: Seconds between the first polls; each pause is half again
                as long as the one before. Default: ``10.0``.
            max_poll_interval: The longest pause between polls, in seconds. Default:
                ``60.0``.
            on_update: Called with the job after every poll, to show progress (a
                coroutine function is awaited on the async client). Optional.

        Returns:
            ModelV2Entity: The job, in state ``finished``.

        Raises:
            JobFailedError: The job ended in state ``failed`` (``.entity`` is the
                job).
            WaitTimeoutError: ``timeout`` passed first (``.last`` is the job as last
                read, ``.state`` its state).
            ValueError: Not exactly one of image_sample_urls, image_sample_files was given.
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            the ``links`` entry from operationId ``trainModel`` to ``getModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1new/post/responses/201/links/GetModel``).
        """
        _submitted = await self.train_model(
            name=name,
            subject_keyword=subject_keyword,
            subject_type=subject_type,
            webhook_url=webhook_url,
            image_sample_urls=image_sample_urls,
            image_sample_files=image_sample_files,
        )
        return await self.wait(
            model_id=_submitted.id,
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_update=on_update,
        )

    async def list_all_models(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ListModelsV2Response:
        """List All Models.

        This endpoint will return a list of all models for the workspace.

        Args:
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            ListModelsV2Response: Successfully retrieved models. (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``GET /api/v2/images/models``, operationId ``listAllModels``
            (spec ``#/paths/~1api~1v2~1images~1models/get``).
        """
        from ..models.list_models_v2_response import ListModelsV2Response

        return await self._client.request(
            "GET",
            "/api/v2/images/models",
            cast_to=ListModelsV2Response,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="listAllModels",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_model(
        self,
        *,
        model_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ModelV2Entity:
        """Get a Single Model.

        This endpoint will return a single model.

        Args:
            model_id: The ID of the model to retrieve. Path parameter ``modelId``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            ModelV2Entity: Successfully retrieved the model. (HTTP 200)

        Raises:
            NotFoundError: Model does not exist (HTTP 404)
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``GET /api/v2/images/models/{modelId}``, operationId ``getModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/get``).
        """
        from ..models.model_v2_entity import ModelV2Entity

        return await self._client.request(
            "GET",
            path_template("/api/v2/images/models/{modelId}", {"modelId": model_id}),
            cast_to=ModelV2Entity,
            errors={
                "404": ("error_response", "ErrorResponse"),
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="getModel",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def wait(
        self,
        *,
        model_id: str,
        timeout: float | None = 3600.0,
        poll_interval: float = 10.0,
        max_poll_interval: float = 60.0,
        on_update: Callable[[ModelV2Entity], object] | None = None,
    ) -> ModelV2Entity:
        """Wait until it has ended: call ``get_model`` until its state is ``finished``.

        The state is read from ``status``, the first one set. Every poll is an
        ordinary get_model request, retried as usual.

        Args:
            model_id: The ID of the model to retrieve. Path parameter ``modelId``.
            timeout: Seconds to wait in all; ``None`` waits forever. Default:
                ``3600.0``.
            poll_interval: Seconds between the first polls; each pause is half again
                as long as the one before. Default: ``10.0``.
            max_poll_interval: The longest pause between polls, in seconds. Default:
                ``60.0``.
            on_update: Called with the job after every poll, to show progress (a
                coroutine function is awaited on the async client). Optional.

        Returns:
            ModelV2Entity: The job, in state ``finished``.

        Raises:
            JobFailedError: The job ended in state ``failed`` (``.entity`` is the
                job).
            WaitTimeoutError: ``timeout`` passed first (``.last`` is the job as last
                read, ``.state`` its state).
            NotFoundError: Model does not exist (HTTP 404)
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            ``x-waiter`` of operationId ``getModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/get/x-waiter``).
        """
        return await async_wait_for(
            lambda: self.get_model(model_id=model_id),
            WaitRule(["status"], frozenset(["finished"]), frozenset(["failed"])),
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_update=on_update,
        )

    async def delete_model(
        self,
        *,
        model_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ModelV2Entity:
        """Delete a Model.

        This endpoint will delete a model. This is not reversible.

        Args:
            model_id: The ID of the model to delete. Path parameter ``modelId``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            ModelV2Entity: Successfully deleted the model (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``DELETE /api/v2/images/models/{modelId}``, operationId ``deleteModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/delete``).
        """
        from ..models.model_v2_entity import ModelV2Entity

        return await self._client.request(
            "DELETE",
            path_template("/api/v2/images/models/{modelId}", {"modelId": model_id}),
            cast_to=ModelV2Entity,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="deleteModel",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncImageModelsApiWithRawResponse:
    """The operations of :class:`AsyncImageModelsApi`, each returning an :class:`APIResponse`.

    Reached as ``client.image_models.with_raw_response``. ``APIResponse.parse()`` gives
    what the plain method returns; a 4xx or 5xx status raises the same errors.
    """

    def __init__(self, api: AsyncImageModelsApi) -> None:
        self.train_model = async_to_raw_response(api.train_model)
        self.list_all_models = async_to_raw_response(api.list_all_models)
        self.get_model = async_to_raw_response(api.get_model)
        self.delete_model = async_to_raw_response(api.delete_model)


class AsyncImageModelsApiWithStreamingResponse:
    """The operations of :class:`AsyncImageModelsApi`, each an async context manager giving an :class:`AsyncStreamedResponse`.

    Reached as ``client.image_models.with_streaming_response``: ``async with
    client.image_models.with_streaming_response.<method>(...) as response:`` sends the request
    (retried as usual) and gives the response before its body is read; read it with
    ``aiter_bytes()``, ``read()`` or ``parse()``. The connection is closed when the block
    ends. A 4xx or 5xx status raises the same errors.
    """

    def __init__(self, api: AsyncImageModelsApi) -> None:
        self.train_model = async_to_streamed_response(api.train_model)
        self.list_all_models = async_to_streamed_response(api.list_all_models)
        self.get_model = async_to_streamed_response(api.get_model)
        self.delete_model = async_to_streamed_response(api.delete_model)
