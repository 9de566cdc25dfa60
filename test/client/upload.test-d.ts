// Compile-time checks of the upload operations' body, run by vitest's typecheck mode and by `npm run typecheck`.
import { describe, it } from "vitest";
import { uploadWebinarBrandingVirtualBackground, uploadWebinarBrandingWallpaper, type ZoomClient } from "../../src/index.js";

declare const zoom: ZoomClient;
const params = { accountId: "a", webinarId: 1 };

describe("upload body types", () => {
  it("file takes a Blob, a Uint8Array/Buffer or a path; other form fields keep their own type", () => {
    void uploadWebinarBrandingVirtualBackground(zoom, params, { file: new Blob([]), default: true });
    void uploadWebinarBrandingVirtualBackground(zoom, params, { file: Buffer.from([]) });
    void uploadWebinarBrandingWallpaper(zoom, params, { file: "./stage.png" });
    // @ts-expect-error `default` is a boolean
    void uploadWebinarBrandingVirtualBackground(zoom, params, { file: "./a.png", default: "yes" });
    // @ts-expect-error `file` is required
    void uploadWebinarBrandingWallpaper(zoom, params, {});
    // @ts-expect-error a number is not a file
    void uploadWebinarBrandingWallpaper(zoom, params, { file: 42 });
  });
});
