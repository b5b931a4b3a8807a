package org.estatehub.common.security;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks everything an object keeps reachable (fields by reflection; JDK collections, maps and arrays by
 * their contents) and names the classes of request objects found: Vert.x and Netty types.
 */
final class RetainedObjects {

    private RetainedObjects() {
    }

    static Set<String> requestObjectsReachableFrom(Object root) {
        Set<String> found = new TreeSet<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object object = todo.pop();
            if (!seen.add(object)) {
                continue;
            }
            Class<?> type = object.getClass();
            if (isRequestObject(type)) {
                found.add(type.getName());
            }
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(object); i++) {
                        push(todo, Array.get(object, i));
                    }
                }
            } else if (object instanceof Map<?, ?> map && isJdk(type)) {
                map.forEach((key, value) -> {
                    push(todo, key);
                    push(todo, value);
                });
            } else if (object instanceof Collection<?> collection && isJdk(type)) {
                collection.forEach(element -> push(todo, element));
            } else if (object instanceof Optional<?> optional) {
                push(todo, optional.orElse(null));
            } else if (!isJdk(type)) {
                for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                            continue;
                        }
                        if (!field.trySetAccessible()) {
                            throw new IllegalStateException("cannot read " + field);
                        }
                        try {
                            push(todo, field.get(object));
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
            // Other JDK objects (strings, numbers, instants, atomics of the above) hold no request objects.
        }
        return found;
    }

    private static void push(Deque<Object> todo, Object value) {
        if (value != null) {
            todo.push(value);
        }
    }

    private static boolean isJdk(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.");
    }

    private static boolean isRequestObject(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.vertx.") || name.startsWith("io.netty.");
    }
}
