package web

import (
	"embed"
	"mime"
	"path"

	"github.com/gofiber/fiber/v2"
)

// assetFS holds the stylesheet, the script and the icon. The stylesheet is
// served at /assets/redline.css, a stable URL, and styles the diff
// package's rl-* classes too, so a CMS can embed the API's fragments.
//
//go:embed assets/*
var assetFS embed.FS

// serveAsset answers GET /assets/:name from the embedded files.
func serveAsset(c *fiber.Ctx) error {
	name := c.Params("name")
	data, err := assetFS.ReadFile("assets/" + path.Base(name))
	if err != nil || path.Base(name) != name {
		c.Type("txt", "utf-8")
		return c.Status(fiber.StatusNotFound).SendString("no such asset; the stylesheet is /assets/redline.css\n")
	}
	c.Set(fiber.HeaderContentType, mime.TypeByExtension(path.Ext(name)))
	c.Set(fiber.HeaderCacheControl, "public, max-age=300")
	return c.Send(data)
}
