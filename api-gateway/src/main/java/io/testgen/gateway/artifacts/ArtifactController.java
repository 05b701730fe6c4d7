package io.testgen.gateway.artifacts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.gateway.config.RunsProperties;
import io.testgen.gateway.errors.NotFoundException;
import io.testgen.gateway.runs.RunLookup;
import io.testgen.gateway.security.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One file of a run's artifact folder ({@code runs/<id>/} in the artifact store): the screenshots
 * the results reference, for the caller's own run only. Anything outside that folder, a symbolic
 * link, or another user's run answers 404 {@code NOT_FOUND}.
 */
@RestController
@Tag(name = "runs")
class ArtifactController {
  // Plain names separated by '/': no '..', no empty or dot-only segment (checked again below).
  private static final Pattern RELATIVE =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_][A-Za-z0-9._-]{0,127}){0,4}");
  private static final Map<String, MediaType> INLINE =
      Map.of(
          "png", MediaType.IMAGE_PNG,
          "jpg", MediaType.IMAGE_JPEG,
          "jpeg", MediaType.IMAGE_JPEG,
          "json", MediaType.APPLICATION_JSON);

  private final RunLookup runs;
  private final Path root;

  ArtifactController(RunLookup runs, RunsProperties properties) {
    this.runs = runs;
    this.root = Path.of(properties.artifactsDir()).toAbsolutePath().normalize();
  }

  @Operation(
      summary = "A file of the run's artifact folder, e.g. a state's screenshot",
      description =
          "The path is relative to runs/{workflowId}/ (a screenshot_ref without that prefix).")
  @GetMapping("/api/v2/workflows/{workflowId}/artifacts/{*path}")
  ResponseEntity<Resource> artifact(
      Caller caller, @PathVariable String workflowId, @PathVariable String path) {
    runs.requireOwned(caller.user(), workflowId);
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (!RELATIVE.matcher(relative).matches() || relative.contains("..")) {
      throw new NotFoundException("NOT_FOUND", "no such artifact");
    }
    Path folder = root.resolve(ArtifactPaths.runDir(workflowId)).normalize();
    Path file = folder.resolve(relative).normalize();
    if (!file.startsWith(folder) || !insideWithoutLinks(folder, file)) {
      throw new NotFoundException("NOT_FOUND", "no such artifact");
    }
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    MediaType type = INLINE.getOrDefault(extension, MediaType.APPLICATION_OCTET_STREAM);
    ResponseEntity.BodyBuilder response =
        ResponseEntity.ok()
            .contentType(type)
            .cacheControl(CacheControl.noCache().cachePrivate())
            .header("X-Content-Type-Options", "nosniff");
    if (!INLINE.containsKey(extension)) {
      response.header(
          HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(name).build().toString());
    }
    return response.body(new FileSystemResource(file));
  }

  /** A regular file under {@code folder} whose real path (links resolved) is still under it. */
  private static boolean insideWithoutLinks(Path folder, Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return false;
    try {
      return file.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }
}
