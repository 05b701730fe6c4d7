package io.testgen.common.artifacts;

/**
 * Layout of the artifact store shared by workers and gateways (a directory; a volume in
 * docker-compose). Results carry paths relative to its root.
 */
public final class ArtifactPaths {
  /** Environment variable naming the root directory. */
  public static final String ROOT_ENV = "TESTGEN_ARTIFACTS_DIR";

  /** Default root, relative to the working directory. */
  public static final String DEFAULT_ROOT = ".testgen/artifacts";

  public static final String FORMAT_TYPESCRIPT = "playwright-ts";
  public static final String FORMAT_JAVA = "playwright-java";
  public static final String FORMAT_MODEL = "model";

  private ArtifactPaths() {}

  /** Directory of one run, e.g. {@code runs/testgen-host-abc}. */
  public static String runDir(String workflowId) {
    return "runs/" + workflowId;
  }

  /**
   * A content-addressed object (an agent's result), e.g. {@code objects/sha256/ab/ab12...json}:
   * named by its hash, so runs, retries and gateways agree on where it is.
   */
  public static String object(String sha256) {
    return "objects/sha256/" + sha256.substring(0, 2) + "/" + sha256 + ".json";
  }

  /** Zip of a rendered suite. */
  public static String suiteZip(String workflowId, String format) {
    return runDir(workflowId) + "/suite-" + format + ".zip";
  }
}
