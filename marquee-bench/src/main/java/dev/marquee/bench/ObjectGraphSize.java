package dev.marquee.bench;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Estimated heap bytes of the objects reachable from a root and not already counted by this instance, by a
 * reflective walk (64-bit HotSpot with compressed oops and class pointers: 12-byte object header, 16-byte
 * array header, 4-byte references, 8-byte alignment; field padding ignored, so a few percent low). Walking
 * several roots with one instance attributes shared objects to the first root that reaches them: walk the
 * part you want to isolate first. Static fields, classes and off-heap memory are not followed. Fields it
 * cannot open are not followed: pass {@code --add-opens} for the JDK packages that hold data (java.lang,
 * java.util, java.util.concurrent); channels and the like stay opaque.
 * A measurement aid for {@link ServingMemory}, not production code.
 */
final class ObjectGraphSize {
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Class<?>, List<Field>> fields = new IdentityHashMap<>();
    private final Map<Class<?>, Long> shallow = new IdentityHashMap<>();

    /** Bytes newly reachable from {@code root}, objects reached by an earlier call excluded. */
    long walk(Object root) {
        long total = 0;
        ArrayDeque<Object> stack = new ArrayDeque<>();
        push(root, stack);
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            Class<?> c = o.getClass();
            if (c.isArray()) {
                Class<?> component = c.getComponentType();
                int length = Array.getLength(o);
                total += align(16 + (long) length * elementBytes(component));
                if (!component.isPrimitive()) {
                    for (Object e : (Object[]) o) {
                        push(e, stack);
                    }
                }
                continue;
            }
            total += shallow(c);
            for (Field f : fieldsOf(c)) {
                try {
                    push(f.get(o), stack);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return total;
    }

    private void push(Object o, ArrayDeque<Object> stack) {
        if (o != null && !(o instanceof Class<?>) && !(o instanceof Thread) && !(o instanceof ClassLoader)
                && seen.add(o)) {
            stack.push(o);
        }
    }

    private long shallow(Class<?> c) {
        Long s = shallow.get(c);
        if (s == null) {
            long bytes = 12;
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        bytes += f.getType().isPrimitive() ? elementBytes(f.getType()) : 4;
                    }
                }
            }
            s = align(bytes);
            shallow.put(c, s);
        }
        return s;
    }

    private List<Field> fieldsOf(Class<?> c) {
        List<Field> list = fields.get(c);
        if (list == null) {
            list = new ArrayList<>();
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && f.trySetAccessible()) {
                        list.add(f);
                    }
                }
            }
            fields.put(c, list);
        }
        return list;
    }

    private static long elementBytes(Class<?> t) {
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        if (t == byte.class || t == boolean.class) {
            return 1;
        }
        return 4;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
