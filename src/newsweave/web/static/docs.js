// Swagger UI over the app's own schema. A file, not an inline script: the pages' policy
// (script-src 'self') runs no inline code.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null, // never ask an outside validator about the schema
  });
});
