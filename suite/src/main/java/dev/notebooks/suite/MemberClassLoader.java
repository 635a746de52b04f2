package dev.notebooks.suite;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The suite's class loader as one member sees it: every class, loaded once for all five, but none of the other
 * members' resources. So the member's context reads its own {@code application.yml}, bean definitions
 * ({@code META-INF/micronaut}) and Flyway migrations, and the other services' stay out of it.
 */
final class MemberClassLoader extends ClassLoader {

    private final List<String> hidden;

    /** @param othersCode where the other members' own classes and resources are (a jar or a directory) */
    MemberClassLoader(SuiteMember member, ClassLoader suite, List<URL> othersCode) {
        super(member.name(), suite);
        this.hidden = new ArrayList<>();
        for (URL code : othersCode) {
            hidden.add(code.toString());
            hidden.add("jar:" + code + "!/");
        }
    }

    @Override
    public URL getResource(String name) {
        try {
            Enumeration<URL> found = getResources(name);
            return found.hasMoreElements() ? found.nextElement() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> visible = new ArrayList<>();
        Enumeration<URL> found = super.getResources(name);
        while (found.hasMoreElements()) {
            URL resource = found.nextElement();
            if (!isHidden(resource)) {
                visible.add(resource);
            }
        }
        return Collections.enumeration(visible);
    }

    private boolean isHidden(URL resource) {
        String location = resource.toString();
        return hidden.stream().anyMatch(location::startsWith);
    }

    /** Where a member's own classes and resources are: its jar, or its classes directory in a build. */
    static URL codeOf(SuiteMember member, ClassLoader suite) {
        try {
            return Class.forName(member.mainClass(), false, suite)
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(member.name() + " is not on the suite's class path", e);
        }
    }
}
