package dev.marquee.models;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's trainable tensors by name, in a fixed order, owned by one NDManager. Written as a DJL
 * NDList file (names kept), read back bit-identically, and copied out to float arrays for the
 * plain-Java serving path. Internal to this module: sub-packages build their networks on it.
 */
public final class ParameterSet implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    public ParameterSet() {
        this.manager = Engine.getEngine("PyTorch").newBaseManager();
    }

    /** Adds a float32 tensor of {@code shape} holding {@code values} (row-major). */
    public NDArray add(String name, float[] values, long... shape) {
        if (arrays.containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " already exists");
        }
        Shape s = new Shape(shape);
        if (s.size() != values.length) {
            throw new IllegalArgumentException("parameter " + name + ": " + values.length + " values for shape " + s);
        }
        NDArray array = manager.create(values, s);
        array.setName(name);
        arrays.put(name, array);
        return array;
    }

    public NDArray get(String name) {
        NDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter named " + name + "; have " + arrays.keySet());
        }
        return array;
    }

    public float[] floats(String name) {
        return get(name).toFloatArray();
    }

    public List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    /** The manager that owns the parameters; per-step arrays should live in a sub-manager of it. */
    public NDManager manager() {
        return manager;
    }

    /**
     * Marks every tensor trainable (PyTorch allocates gradients for them on backward) except those in
     * {@code trainedElsewhere} (e.g. embedding tables updated sparsely by the caller).
     */
    public void requireGradients(java.util.Set<String> trainedElsewhere) {
        arrays.forEach((name, a) -> a.setRequiresGradient(!trainedElsewhere.contains(name)));
    }

    /** A copy of every tensor's values, e.g. to remember the best epoch's weights. */
    public Map<String, float[]> snapshot() {
        Map<String, float[]> copy = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copy.put(name, array.toFloatArray()));
        return copy;
    }

    /** Overwrites every tensor in place with a {@link #snapshot()}. */
    public void restore(Map<String, float[]> snapshot) {
        arrays.forEach((name, array) -> array.set(snapshot.get(name)));
    }

    /** Writes the tensors as a DJL NDList (each array carries its name). */
    public void writeTo(OutputStream out) throws IOException {
        new NDList(new ArrayList<>(arrays.values())).encode(out);
    }

    /** Reads a file written by {@link #writeTo}; tensor names and order are restored. */
    public static ParameterSet readFrom(InputStream in) throws IOException {
        ParameterSet set = new ParameterSet();
        NDList list = NDList.decode(set.manager, in);
        for (NDArray array : list) {
            if (array.getName() == null || array.getDataType() != DataType.FLOAT32) {
                set.close();
                throw new IOException("params file holds an unnamed or non-float32 tensor: " + array);
            }
            set.arrays.put(array.getName(), array);
        }
        return set;
    }

    @Override
    public void close() {
        manager.close();
    }
}
