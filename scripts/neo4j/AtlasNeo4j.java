// A real Neo4j Community server for Foresight Atlas: the embedded engine with its Bolt connector, in its own JVM.
// Started by server/src/neo4j/local-neo4j.ts (which compiles this file once into .cache/neo4j).
//
//   java -cp <classpath> AtlasNeo4j --data <dir> --bolt-port <port> --password <pw> [--pagecache 256m] [--tx-memory 512m]
//
// The password may come from the ATLAS_NEO4J_PASSWORD environment variable instead of --password (keeps it out of ps).
// stdout carries exactly one line, "NEO4J_READY bolt://127.0.0.1:<port>", once Bolt answers a handshake.
// Failures the caller should explain plainly are printed to stderr as "NEO4J_ERROR <message>".
// Neo4j's own logs go to <data>/logs (debug.log, neo4j.log), never to stdout.
// Stops cleanly on SIGTERM/SIGINT, and also when stdin reaches EOF, so a parent that dies never leaves this JVM behind.
import java.io.DataInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.logging.log4j.Log4jLogProvider;

public final class AtlasNeo4j {
  private static final Object LIFECYCLE = new Object();
  private static DatabaseManagementService dbms; // guarded by LIFECYCLE
  private static boolean stopping; // guarded by LIFECYCLE
  private static OutputStream userLog;

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parseArgs(args);
    Path data = Path.of(require(opts, "data")).toAbsolutePath().normalize();
    int port = Integer.parseInt(require(opts, "bolt-port"));
    String password = opts.containsKey("password") ? opts.get("password") : System.getenv("ATLAS_NEO4J_PASSWORD");
    if (password == null || password.isEmpty()) fail(2, "missing --password (or ATLAS_NEO4J_PASSWORD)");
    // --pagecache-mb is the older spelling, still accepted.
    long pageCache = opts.containsKey("pagecache-mb")
        ? Long.parseLong(opts.get("pagecache-mb")) << 20
        : parseBytes(opts.getOrDefault("pagecache", "256m"));
    Long txMemory = opts.containsKey("tx-memory") ? parseBytes(opts.get("tx-memory")) : null;

    Runtime.getRuntime().addShutdownHook(new Thread(AtlasNeo4j::shutdown, "atlas-neo4j-shutdown"));
    watchStdin(); // before the (slow) start, so a parent that dies meanwhile still stops us

    Path logs = data.resolve("logs");
    Files.createDirectories(logs);
    userLog = new FileOutputStream(logs.resolve("neo4j.log").toFile(), true);

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(data)
        .setUserLogProvider(new Log4jLogProvider(userLog))
        .setConfig(GraphDatabaseSettings.logs_directory, logs)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // Local, loopback-only instance: let the caller choose any password.
        .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
        // A throwaway/dev instance: no usage reports to Neo4j Inc.
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        // Netty otherwise idles 5 s per event-loop group on shutdown, which makes every stop ~10 s slower.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
    if (txMemory != null) builder.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory);

    try {
      synchronized (LIFECYCLE) {
        if (stopping) return;
        dbms = builder.build();
      }
      setPassword(password);
      // Open the default database now so the first client query does not pay for it.
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
      awaitBolt(port);
    } catch (Throwable e) {
      synchronized (LIFECYCLE) {
        if (stopping) return; // asked to stop while starting: not an error
      }
      reportStartFailure(e, data, port);
    }

    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
    new CountDownLatch(1).await(); // the shutdown hook ends the JVM
  }

  /** Sets the neo4j user's password; a restart with the same password is a no-op, not an error. */
  private static void setPassword(String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      if (!chainMentions(e, "cannot be the same")) throw e;
    }
  }

  /** Waits until the Bolt connector completes a protocol handshake (not merely accepts TCP). */
  private static void awaitBolt(int port) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        socket.setSoTimeout(2000);
        OutputStream out = socket.getOutputStream();
        // Magic preamble, then four proposals: 5.0-5.8, 4.4, none, none.
        out.write(new byte[] {
            0x60, 0x60, (byte) 0xB0, 0x17,
            0, 8, 8, 5,
            0, 0, 4, 4,
            0, 0, 0, 0,
            0, 0, 0, 0});
        out.flush();
        int agreed = new DataInputStream(socket.getInputStream()).readInt();
        if (agreed != 0) return;
        last = new IOException("Bolt handshake agreed on no version");
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new IOException("Bolt on port " + port + " did not answer a handshake", last);
  }

  private static void reportStartFailure(Throwable e, Path data, int port) {
    e.printStackTrace();
    if (chainHas(e, "org.neo4j.io.locker.FileLockException") || chainMentions(e, "store_lock")) {
      fail(3, "The Neo4j data directory " + data + " is locked by another running Neo4j. Stop that one first.");
    }
    if (chainHas(e, BindException.class.getName()) || chainMentions(e, "Address already in use")) {
      fail(4, "Bolt port " + port + " is already in use by another process.");
    }
    fail(1, "Neo4j failed to start: " + rootCause(e) + " (details: " + data.resolve("logs/debug.log") + ")");
  }

  private static void shutdown() {
    synchronized (LIFECYCLE) {
      stopping = true;
      if (dbms != null) {
        try {
          dbms.shutdown();
        } catch (Throwable e) {
          e.printStackTrace();
        }
        dbms = null;
      }
    }
    try {
      if (userLog != null) userLog.close();
    } catch (IOException ignored) {
      // nothing left to do at exit
    }
  }

  private static void watchStdin() {
    Thread watcher = new Thread(() -> {
      try {
        InputStream in = System.in;
        byte[] sink = new byte[256];
        while (in.read(sink) != -1) {
          // the parent writes nothing; only EOF matters
        }
      } catch (IOException ignored) {
        // a broken pipe means the same as EOF
      }
      System.exit(0); // runs the shutdown hook
    }, "atlas-neo4j-stdin-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) fail(2, "bad argument: " + args[i]);
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  private static long parseBytes(String text) {
    Matcher m = Pattern.compile("(\\d+)\\s*([kmg]?)i?b?").matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) fail(2, "not a size (e.g. 256m): " + text);
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "k": return n << 10;
      case "m": return n << 20;
      case "g": return n << 30;
      default: return n;
    }
  }

  private static boolean chainHas(Throwable e, String className) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getName().equals(className)) return true;
      for (Throwable s : t.getSuppressed()) if (chainHas(s, className)) return true;
    }
    return false;
  }

  private static boolean chainMentions(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(text)) return true;
      for (Throwable s : t.getSuppressed()) if (chainMentions(s, text)) return true;
    }
    return false;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static String require(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null) fail(2, "missing --" + key);
    return value;
  }

  private static void fail(int code, String message) {
    PrintStream err = System.err;
    err.println("NEO4J_ERROR " + message);
    err.flush();
    System.exit(code);
  }
}
