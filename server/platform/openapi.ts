import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { HttpApp } from "./http.js";

/** OpenAPI 3.1 generated from the zod contracts of every route; rendered at /api/docs. */
export async function registerOpenApi(app: HttpApp, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Lotse API",
        version: "0.1.0",
        description:
          "API of Lotse, the platform of the counseling network for people with foreign qualifications. " +
          "Errors are RFC 9457 problem details. State-changing requests of a signed-in user need the " +
          "`X-CSRF-Token` header with the token from `GET /api/auth/session`.",
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "lotse_session" } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list", deepLinking: true } });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
}
