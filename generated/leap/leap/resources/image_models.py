# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""ImageModelsApi and AsyncImageModelsApi: the operations tagged ``Image Models``.

Train custom image models from sample images, and list, retrieve and delete them.
"""

from __future__ import annotations

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._types import FileInput
from .._utils import multipart, path_template, require_exactly_one
from ..models import ErrorResponse, ListModelsV2Response, ModelV2Entity

__all__ = ["AsyncImageModelsApi", "ImageModelsApi"]


class ImageModelsApi:
    """Train custom image models from sample images, and list, retrieve and delete them.

    Reached as ``client.image_models``. Source: spec tag ``Image Models``.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def train_model(
        self,
        *,
        name: str | None = None,
        subject_keyword: str | None = None,
        subject_type: str = "person",
        webhook_url: str | None = None,
        image_sample_urls: list[str] | None = None,
        image_sample_files: list[FileInput] | None = None,
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
                Default: ``'person'``. Form field ``subjectType``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the model completes training or fails. A URL. Optional.
                Form field ``webhookUrl``.
            image_sample_urls: An array of strings containing the URLs of the images
                to upload. Either this or imageSampleFiles is required, but not
                both. Optional. Form field ``imageSampleUrls``.
            image_sample_files: An array of files containing the images to upload.
                Either this or imageSampleUrls is required, but not both. Optional.
                Form field ``imageSampleFiles``.

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

        Source:
            ``POST /api/v2/images/models/new``, operationId ``trainModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1new/post``).
        """
        require_exactly_one(
            "train_model",
            image_sample_urls=image_sample_urls,
            image_sample_files=image_sample_files,
        )
        return self._client.request(
            "POST",
            "/api/v2/images/models/new",
            cast_to=ModelV2Entity,
            errors={"4XX": ErrorResponse, "5XX": ErrorResponse},
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
        )

    def list_all_models(
        self,
    ) -> ListModelsV2Response:
        """List All Models.

        This endpoint will return a list of all models for the workspace.

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

        Source:
            ``GET /api/v2/images/models``, operationId ``listAllModels``
            (spec ``#/paths/~1api~1v2~1images~1models/get``).
        """
        return self._client.request(
            "GET",
            "/api/v2/images/models",
            cast_to=ListModelsV2Response,
            errors={"4XX": ErrorResponse, "5XX": ErrorResponse},
        )

    def get_model(
        self,
        *,
        model_id: str,
    ) -> ModelV2Entity:
        """Get a Single Model.

        This endpoint will return a single model.

        Args:
            model_id: The ID of the model to retrieve. Path parameter ``modelId``.

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

        Source:
            ``GET /api/v2/images/models/{modelId}``, operationId ``getModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/get``).
        """
        return self._client.request(
            "GET",
            path_template("/api/v2/images/models/{modelId}", {"modelId": model_id}),
            cast_to=ModelV2Entity,
            errors={"404": ErrorResponse, "4XX": ErrorResponse, "5XX": ErrorResponse},
        )

    def delete_model(
        self,
        *,
        model_id: str,
    ) -> ModelV2Entity:
        """Delete a Model.

        This endpoint will delete a model. This is not reversible.

        Args:
            model_id: The ID of the model to delete. Path parameter ``modelId``.

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

        Source:
            ``DELETE /api/v2/images/models/{modelId}``, operationId ``deleteModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/delete``).
        """
        return self._client.request(
            "DELETE",
            path_template("/api/v2/images/models/{modelId}", {"modelId": model_id}),
            cast_to=ModelV2Entity,
            errors={"4XX": ErrorResponse, "5XX": ErrorResponse},
        )


class AsyncImageModelsApi:
    """Train custom image models from sample images, and list, retrieve and delete them.

    Reached as ``client.image_models`` on the async client; every method is a coroutine. Source: spec tag ``Image Models``.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def train_model(
        self,
        *,
        name: str | None = None,
        subject_keyword: str | None = None,
        subject_type: str = "person",
        webhook_url: str | None = None,
        image_sample_urls: list[str] | None = None,
        image_sample_files: list[FileInput] | None = None,
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
                Default: ``'person'``. Form field ``subjectType``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the model completes training or fails. A URL. Optional.
                Form field ``webhookUrl``.
            image_sample_urls: An array of strings containing the URLs of the images
                to upload. Either this or imageSampleFiles is required, but not
                both. Optional. Form field ``imageSampleUrls``.
            image_sample_files: An array of files containing the images to upload.
                Either this or imageSampleUrls is required, but not both. Optional.
                Form field ``imageSampleFiles``.

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

        Source:
            ``POST /api/v2/images/models/new``, operationId ``trainModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1new/post``).
        """
        require_exactly_one(
            "train_model",
            image_sample_urls=image_sample_urls,
            image_sample_files=image_sample_files,
        )
        return await self._client.request(
            "POST",
            "/api/v2/images/models/new",
            cast_to=ModelV2Entity,
            errors={"4XX": ErrorResponse, "5XX": ErrorResponse},
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
        )

    async def list_all_models(
        self,
    ) -> ListModelsV2Response:
        """List All Models.

        This endpoint will return a list of all models for the workspace.

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

        Source:
            ``GET /api/v2/images/models``, operationId ``listAllModels``
            (spec ``#/paths/~1api~1v2~1images~1models/get``).
        """
        return await self._client.request(
            "GET",
            "/api/v2/images/models",
            cast_to=ListModelsV2Response,
            errors={"4XX": ErrorResponse, "5XX": ErrorResponse},
        )

    async def get_model(
        self,
        *,
        model_id: str,
    ) -> ModelV2Entity:
        """Get a Single Model.

        This endpoint will return a single model.

        Args:
            model_id: The ID of the model to retrieve. Path parameter ``modelId``.

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

        Source:
            ``GET /api/v2/images/models/{modelId}``, operationId ``getModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/get``).
        """
        return await self._client.request(
            "GET",
            path_template("/api/v2/images/models/{modelId}", {"modelId": model_id}),
            cast_to=ModelV2Entity,
            errors={"404": ErrorResponse, "4XX": ErrorResponse, "5XX": ErrorResponse},
        )

    async def delete_model(
        self,
        *,
        model_id: str,
    ) -> ModelV2Entity:
        """Delete a Model.

        This endpoint will delete a model. This is not reversible.

        Args:
            model_id: The ID of the model to delete. Path parameter ``modelId``.

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

        Source:
            ``DELETE /api/v2/images/models/{modelId}``, operationId ``deleteModel``
            (spec ``#/paths/~1api~1v2~1images~1models~1{modelId}/delete``).
        """
        return await self._client.request(
            "DELETE",
            path_template("/api/v2/images/models/{modelId}", {"modelId": model_id}),
            cast_to=ModelV2Entity,
            errors={"4XX": ErrorResponse, "5XX": ErrorResponse},
        )
