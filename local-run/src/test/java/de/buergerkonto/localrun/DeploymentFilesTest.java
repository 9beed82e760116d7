package de.buergerkonto.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks {@code docker-compose.yml} and the Dockerfiles it builds without a Docker engine: the
 * mistakes that only show when someone deploys (a missing service, Redis without persistence, a
 * container running as root, a secret with a default) fail here instead.
 */
class DeploymentFilesTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD).*");
    private static final Pattern VARIABLE_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:?-([^}]*)}");

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void readCompose() throws IOException {
        root = repositoryRoot();
        compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        services = map(compose.get("services"));
    }

    @Test
    void dependsOnWhenDeclaredThenNamesExistingServices() {
        services.forEach((name, service) -> assertThat(dependencies(service))
                .as("depends_on of %s", name)
                .allSatisfy(dependency -> assertThat(services).containsKey(dependency)));
    }

    @Test
    void namedVolumesWhenMountedThenDeclared() {
        Map<String, Object> declared = compose.get("volumes") == null ? Map.of() : map(compose.get("volumes"));
        services.forEach((name, service) -> strings(service.get("volumes")).stream()
                .map(mount -> mount.substring(0, mount.indexOf(':')))
                .filter(source -> !source.startsWith(".") && !source.startsWith("/") && !source.startsWith("$"))
                .forEach(volume -> assertThat(declared).as("volume %s of %s", volume, name).containsKey(volume)));
    }

    @Test
    void redisWhenStartedThenPersistsWithAppendOnlyFileOnAVolume() {
        Map<String, Object> redis = services.get("redis");

        assertThat(String.join(" ", strings(redis.get("command")))).contains("--appendonly yes");
        assertThat(strings(redis.get("volumes"))).anyMatch(mount -> mount.endsWith(":/data"));
        assertThat(redis).containsKey("healthcheck");
    }

    @Test
    void authServerWhenStartedThenUsesTheRedisServiceAndTheProductionProfile() {
        Map<String, Object> authServer = services.get("auth-server");
        Map<String, String> environment = environment(authServer);

        URI redisUrl = URI.create(environment.get("REDIS_URL").replaceAll("\\$\\{[^}]*}", "password"));
        assertThat(redisUrl.getScheme()).isEqualTo("redis");
        assertThat(services).containsKey(redisUrl.getHost());
        assertThat(environment.get("SPRING_PROFILES_ACTIVE").split(",")).contains("production");
        assertThat(map(authServer.get("depends_on")).get("redis"))
                .isEqualTo(Map.of("condition", "service_healthy"));
    }

    @Test
    void secretsWhenConfiguredThenComeFromVariablesWithoutDefaults() {
        services.forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches()) {
                assertThat(value).as("%s of %s", key, name).contains("${");
                Matcher defaults = VARIABLE_DEFAULT.matcher(value);
                while (defaults.find()) {
                    assertThat(defaults.group(1)).as("default of %s in %s", key, name).isEmpty();
                }
            }
        }));
    }

    @Test
    void buildWhenDeclaredThenContextAndDockerfileExist() {
        services.forEach((name, service) -> {
            if (service.get("build") != null) {
                Map<String, Object> build = map(service.get("build"));
                Path context = root.resolve((String) build.get("context")).normalize();
                assertThat(context).as("build context of %s", name).isDirectory();
                Object dockerfile = build.getOrDefault("dockerfile", "Dockerfile");
                assertThat(context.resolve((String) dockerfile)).as("Dockerfile of %s", name).isRegularFile();
            }
        });
    }

    @Test
    void dockerfileWhenBuiltThenFinalStageRunsAsNonRootAndExposesTheServicePort() throws IOException {
        Map<String, Object> authServer = services.get("auth-server");
        Map<String, Object> build = map(authServer.get("build"));
        List<String> finalStage = finalStage(root.resolve((String) build.get("context"))
                .resolve((String) build.get("dockerfile")));
        String listeningPort = serverPort(root.resolve("auth-server/src/main/resources/application.yml"));

        List<String> users = instructions(finalStage, "USER");
        assertThat(users).as("USER in the final stage").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");
        assertThat(instructions(finalStage, "EXPOSE")).contains(listeningPort);
        assertThat(strings(authServer.get("ports"))).anyMatch(mapping -> mapping.endsWith(":" + listeningPort));
    }

    @Test
    void servicesWhenDeployedThenTheWholeSystemIsThere() {
        assertThat(services).containsKeys("redis", "auth-server", "eid-adapter", "gateway",
                "stadt-news", "bewohnerparken", "e-payment");
    }

    @Test
    void redisUsersWhenStartedThenWaitForAHealthyRedis() {
        services.forEach((name, service) -> {
            String redisUrl = environment(service).get("REDIS_URL");
            if (redisUrl != null) {
                assertThat(URI.create(redisUrl.replaceAll("\\$\\{[^}]*}", "password")).getHost()).as("Redis of %s", name)
                        .isEqualTo("redis");
                assertThat(map(service.get("depends_on")).get("redis")).as("depends_on of %s", name)
                        .isEqualTo(Map.of("condition", "service_healthy"));
            }
        });
    }

    @Test
    void builtServicesWhenStartedThenRunAsNonRootAndExposeAndPublishOnlyTheirListeningPort() throws IOException {
        for (Map.Entry<String, Map<String, Object>> entry : builtServices().entrySet()) {
            Map<String, Object> service = entry.getValue();
            List<String> finalStage = finalStage(dockerfile(service));
            String listeningPort = String.valueOf(applicationProperty(service, "server.port"));

            List<String> users = instructions(finalStage, "USER");
            assertThat(users).as("USER in the final stage of %s", entry.getKey()).isNotEmpty();
            assertThat(users.get(users.size() - 1).split(":")[0]).as("user of %s", entry.getKey()).isNotIn("root", "0");
            assertThat(instructions(finalStage, "EXPOSE")).as("EXPOSE of %s", entry.getKey()).contains(listeningPort);
            assertThat(strings(service.get("ports"))).as("ports of %s", entry.getKey())
                    .allMatch(mapping -> mapping.endsWith(":" + listeningPort));
        }
    }

    /**
     * Every variable names something the application reads: a {@code ${VARIABLE}} placeholder of its
     * configuration, the relaxed-binding form of one of its properties (list indexes aside), or
     * Spring Boot's own {@code SPRING_*}. A misspelt name would be ignored silently by the application.
     */
    @Test
    void environmentWhenSetThenNamesWhatTheApplicationReads() throws IOException {
        for (Map.Entry<String, Map<String, Object>> entry : builtServices().entrySet()) {
            Set<String> readable = readableEnvironment(module(entry.getValue()));
            environment(entry.getValue()).keySet().forEach(variable -> assertThat(
                    variable.startsWith("SPRING_") || readable.contains(variable.replaceAll("_[0-9]+(?=_|$)", "")))
                    .as("%s of %s is read by the application", variable, entry.getKey()).isTrue());
        }
    }

    @Test
    void demoServicesWhenDeployedThenOneImageWithTheirProfileAndNoPublishedPort() throws IOException {
        for (String name : List.of("stadt-news", "bewohnerparken", "e-payment")) {
            Map<String, Object> service = services.get(name);

            assertThat(module(service)).isEqualTo("demo-services");
            assertThat(environment(service).get("SPRING_PROFILES_ACTIVE")).isEqualTo(name);
            assertThat(applicationProperty(service, "buergerkonto.demo-service.route-id")).isEqualTo(name);
            // reachable only through the gateway
            assertThat(service).as("ports of %s", name).doesNotContainKey("ports");
        }
    }

    @Test
    void gatewayWhenDeployedThenRoutesEachDemoServiceToItsPortAtItsLevel() throws IOException {
        Map<String, String> gateway = environment(services.get("gateway"));
        for (int i = 0; gateway.containsKey("BUERGERKONTO_GATEWAY_ROUTES_" + i + "_ID"); i++) {
            String prefix = "BUERGERKONTO_GATEWAY_ROUTES_" + i + "_";
            String id = gateway.get(prefix + "ID");
            Map<String, Object> upstream = services.get(URI.create(gateway.get(prefix + "URI")).getHost());

            assertThat(upstream).as("upstream of route %s", id).isNotNull();
            assertThat(URI.create(gateway.get(prefix + "URI")).getPort())
                    .isEqualTo(applicationProperty(upstream, "server.port"));
            assertThat(gateway.get(prefix + "PATH")).isEqualTo(applicationProperty(upstream, "buergerkonto.demo-service.prefix"));
            assertThat(gateway.get(prefix + "LEVEL")).isEqualTo(applicationProperty(upstream, "buergerkonto.demo-service.level"));
            assertThat(gateway.get(prefix + "AUDIENCES").split(",")).contains("demo-cli", "gateway");
            assertThat(attributes(gateway.get(prefix + "ATTRIBUTES"))).as("attributes of route %s", id)
                    .isEqualTo(localRouteAttributes(id));
        }
        assertThat(gateway).containsKeys("BUERGERKONTO_GATEWAY_ROUTES_2_ID");
    }

    @Test
    void gatewayWhenDeployedThenSignsAssertionsAsTheIssuerTheDemoServicesCheck() {
        Map<String, String> gateway = environment(services.get("gateway"));

        // the assertion's iss is the gateway's public URL; a service comparing another value refuses everything
        assertThat(gateway.get("BUERGERKONTO_GATEWAY_PUBLIC_URL")).startsWith("${");
        for (String name : List.of("stadt-news", "bewohnerparken", "e-payment")) {
            Map<String, String> service = environment(services.get(name));
            assertThat(service.get("BUERGERKONTO_GATEWAY_ISSUER")).as("gateway issuer of %s", name)
                    .isEqualTo(gateway.get("BUERGERKONTO_GATEWAY_PUBLIC_URL"));
            assertThat(URI.create(service.get("BUERGERKONTO_GATEWAY_JWKS_URI")).getHost()).isEqualTo("gateway");
        }
        // browser mode: the client secret is the deployment's own, never the local run's demo secret
        assertThat(gateway.get("BUERGERKONTO_GATEWAY_CLIENT_SECRET")).startsWith("${").contains(":?");
    }

    /** A comma-separated list as Spring binds it; none set is the empty list. */
    private static List<String> attributes(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
    }

    /** The attributes the local run's route releases (gateway/src/main/resources/application-local.yml), the contract's. */
    @SuppressWarnings("unchecked")
    private static List<String> localRouteAttributes(String routeId) throws IOException {
        Map<String, Object> local = new Yaml().load(Files.readString(root.resolve("gateway/src/main/resources/application-local.yml")));
        Map<String, Object> gateway = map(map(local.get("buergerkonto")).get("gateway"));
        List<Map<String, Object>> routes = (List<Map<String, Object>>) gateway.get("routes");
        return routes.stream().filter(route -> routeId.equals(route.get("id")))
                .map(route -> strings(route.get("attributes"))).findFirst()
                .orElseThrow(() -> new AssertionError("no local route " + routeId));
    }

    private static Map<String, Map<String, Object>> builtServices() {
        Map<String, Map<String, Object>> built = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (service.get("build") != null) {
                built.put(name, service);
            }
        });
        return built;
    }

    private static Path dockerfile(Map<String, Object> service) {
        Map<String, Object> build = map(service.get("build"));
        return root.resolve((String) build.get("context")).resolve((String) build.getOrDefault("dockerfile", "Dockerfile"));
    }

    /** The module an image is built from: the directory of its Dockerfile. */
    private static String module(Map<String, Object> service) {
        return root.relativize(dockerfile(service).getParent()).toString();
    }

    /**
     * A property as the service's application sees it: from its profile's file when set there, else
     * from its main file (configuration files are {@code application*.yml}, or {@code <module>*.yml}).
     */
    private static Object applicationProperty(Map<String, Object> service, String property) throws IOException {
        Path resources = root.resolve(module(service)).resolve("src/main/resources");
        String configName = Files.isRegularFile(resources.resolve("application.yml")) ? "application" : module(service);
        List<Path> files = new ArrayList<>();
        String profiles = environment(service).getOrDefault("SPRING_PROFILES_ACTIVE", "");
        for (String profile : profiles.split(",")) {
            files.add(resources.resolve(configName + "-" + profile.trim() + ".yml"));
        }
        files.add(resources.resolve(configName + ".yml"));
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                Object value = flatten(new Yaml().load(Files.readString(file))).get(property);
                if (value != null) {
                    return value;
                }
            }
        }
        throw new AssertionError(property + " is not set for " + module(service) + " with profiles " + profiles);
    }

    /** The placeholders and the relaxed-binding names of every property in the module's configuration files. */
    private static Set<String> readableEnvironment(String module) throws IOException {
        Set<String> names = new HashSet<>();
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)");
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("src/main/resources"))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".yml")).toList()) {
                String text = Files.readString(file);
                Matcher matcher = placeholder.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
                flatten(new Yaml().load(text)).keySet().forEach(property -> names.add(
                        property.replaceAll("\\[[0-9]+]", "").replaceAll("[-]", "").replace('.', '_').toUpperCase(Locale.ROOT)));
            }
        }
        return names;
    }

    /** {@code a.b[0].c} keys of a YAML document. */
    private static Map<String, Object> flatten(Object yaml) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", yaml, flat);
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, flat));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, value);
        }
    }

    /** The lines after the last FROM, continuation lines joined. */
    private static List<String> finalStage(Path dockerfile) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            instructions.add(current.append(trimmed).toString());
            current.setLength(0);
        }
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).toUpperCase(Locale.ROOT).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    private static List<String> instructions(List<String> stage, String keyword) {
        return stage.stream()
                .filter(instruction -> instruction.toUpperCase(Locale.ROOT).startsWith(keyword + " "))
                .flatMap(instruction -> List.of(instruction.substring(keyword.length()).trim().split("\\s+")).stream())
                .toList();
    }

    private static String serverPort(Path applicationYml) throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(applicationYml));
        return String.valueOf(map(config.get("server")).get("port"));
    }

    private static List<String> dependencies(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> conditions) {
            return conditions.keySet().stream().map(String::valueOf).toList();
        }
        return strings(dependsOn);
    }

    /** Both forms compose accepts: a map, or a list of {@code KEY=value}. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else {
            for (String entry : strings(environment)) {
                int equals = entry.indexOf('=');
                result.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
            }
        }
        return result;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).split("\\s+"));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, V>) value;
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("repository root (the directory holding mvnw)").isNotNull();
        return directory;
    }
}
