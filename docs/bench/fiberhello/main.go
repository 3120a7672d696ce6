// Command fiberhello is the baseline of the HTTP load test: the smallest
// Fiber server, answering "Hello, World!" on /, so that Redline's figures can
// be compared with what Fiber itself does on the same machine in the same run.
package main

import (
	"log"
	"os"

	"github.com/gofiber/fiber/v2"
)

func main() {
	addr := "127.0.0.1:18099"
	if len(os.Args) > 1 {
		addr = os.Args[1]
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("Hello, World!") })
	log.Fatal(app.Listen(addr))
}
