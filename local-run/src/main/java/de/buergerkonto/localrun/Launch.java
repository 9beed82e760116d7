package de.buergerkonto.localrun;

/** How the local run starts one application. */
sealed interface Launch permits Launch.InThisJvm, Launch.ExecutableJar {

    /**
     * In the launcher's JVM with {@code SpringApplicationBuilder}: servlet applications whose
     * classpaths and configuration names do not collide (the auth-server; the eID adapter with its
     * own {@code spring.config.name}).
     *
     * @param application the {@code @SpringBootApplication} class
     */
    record InThisJvm(Class<?> application) implements Launch {
    }

    /**
     * In a child JVM from the module's executable jar ({@code <module>/target/<module>-*-exec.jar}),
     * on its own classpath: the reactive gateway would otherwise auto-configure Spring Cloud Gateway
     * and WebFlux into the servlet applications, and each module's {@code application.yml} would
     * shadow the others' on one classpath.
     *
     * @param module the Maven module, e.g. {@code gateway}
     */
    record ExecutableJar(String module) implements Launch {
    }
}
