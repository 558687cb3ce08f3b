package org.tempora.diffusion;

import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.MalformedJsonException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Typed reading of one JSON object of {@code bundle.json}: every accessor either returns a value of the
 * promised type and range or throws a {@link BundleException} naming the file, the dotted field name,
 * what was expected and what was found.
 */
final class BundleJson {
    private static final String FIX = "; fix bundle.json or download the bundle again";

    private final JsonObject object;
    private final String where;   // "bundle.json in <folder>"
    private final String prefix;  // dotted path of this object, "" at the top

    private BundleJson(JsonObject object, String where, String prefix) {
        this.object = object;
        this.where = where;
        this.prefix = prefix;
    }

    /** Reads and parses {@code file} strictly (no comments, no trailing text); the top level must be an object. */
    static BundleJson read(Path file) throws BundleException {
        String where = describe(file);
        JsonElement root;
        try (BufferedReader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader reader = new JsonReader(text)) {
            reader.setStrictness(Strictness.STRICT); // a hand-edited manifest should fail loudly, not be guessed at
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new BundleException(where + " is not valid JSON: unexpected text after the closing brace" + FIX);
            }
        } catch (NoSuchFileException e) {
            throw new BundleException(where + " is missing; this folder is not a model bundle (install one, or point --model at the folder holding bundle.json)");
        } catch (MalformedJsonException | EOFException | JsonSyntaxException e) {
            throw new BundleException(where + " is not valid JSON: " + syntaxReason(e) + FIX, e);
        } catch (JsonIOException e) {
            throw unreadable(where, e.getCause() == null ? e : e.getCause());
        } catch (IOException | JsonParseException e) {
            throw unreadable(where, e);
        }
        if (!root.isJsonObject()) {
            throw new BundleException(where + " must hold one JSON object { ... }, found " + kind(root) + FIX);
        }
        return new BundleJson(root.getAsJsonObject(), where, "");
    }

    private static BundleException unreadable(String where, Throwable e) {
        if (e instanceof CharacterCodingException) return new BundleException(where + " is not UTF-8 text" + FIX, e);
        return new BundleException(where + " cannot be read (" + firstLine(e) + "); check that it is a file you may read", e);
    }

    static String describe(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return file.getFileName() + " in " + parent;
    }

    BundleJson object(String name) throws BundleException {
        JsonElement e = required(name);
        if (!e.isJsonObject()) throw wrong(name, "must be an object { ... }", e);
        return new BundleJson(e.getAsJsonObject(), where, prefix + name + ".");
    }

    boolean has(String name) {
        return object.has(name) && !object.get(name).isJsonNull();
    }

    String string(String name) throws BundleException {
        JsonElement e = required(name);
        if (!isString(e)) throw wrong(name, "must be a string", e);
        return e.getAsString();
    }

    String nonEmptyString(String name) throws BundleException {
        String s = string(name);
        if (s.isBlank()) throw reject(name, "must not be empty");
        return s;
    }

    /** A string from a fixed set, compared exactly (case matters, as it does for diffusers' config values). */
    String oneOf(String name, List<String> allowed) throws BundleException {
        JsonElement e = required(name);
        if (isString(e) && allowed.contains(e.getAsString())) return e.getAsString();
        throw wrong(name, "must be " + alternatives(allowed), e);
    }

    boolean bool(String name) throws BundleException {
        JsonElement e = required(name);
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean())) throw wrong(name, "must be true or false", e);
        return e.getAsBoolean();
    }

    double number(String name) throws BundleException {
        JsonElement e = required(name);
        if (!isNumber(e)) throw wrong(name, "must be a number", e);
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) throw wrong(name, "must be a finite number", e);
        return v;
    }

    double positiveNumber(String name) throws BundleException {
        double v = number(name);
        if (!(v > 0)) throw reject(name, "must be greater than 0");
        return v;
    }

    /** A whole number; 720.0 is accepted as 720 since JSON has one number type. */
    int integer(String name, int min, int max) throws BundleException {
        JsonElement e = required(name);
        if (!isNumber(e)) throw wrong(name, "must be a whole number", e);
        double v = e.getAsDouble();
        if (v != Math.rint(v) || Double.isInfinite(v)) throw wrong(name, "must be a whole number", e);
        if (v < min || v > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
            throw wrong(name, "must be " + range, e);
        }
        return (int) v;
    }

    int exactly(String name, int expected) throws BundleException {
        int v = integer(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (v != expected) throw reject(name, "must be " + expected + " (the only value this version of Tempora supports)");
        return v;
    }

    /** A problem with a field that the accessors cannot see, such as a relation between two fields. */
    BundleException problem(String name, String rule) {
        return new BundleException(where + ": field '" + prefix + name + "' " + rule + FIX);
    }

    /** The field's present value breaks {@code rule}. */
    BundleException reject(String name, String rule) {
        return wrong(name, rule, object.get(name));
    }

    private BundleException wrong(String name, String rule, JsonElement found) {
        return new BundleException(where + ": field '" + prefix + name + "' " + rule + ", found " + show(found) + FIX);
    }

    String where() { return where; }

    String field(String name) { return prefix + name; }

    private JsonElement required(String name) throws BundleException {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            throw new BundleException(where + ": field '" + prefix + name + "' is missing" + FIX);
        }
        return e;
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static boolean isNumber(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }

    private static String show(JsonElement e) {
        if (e == null || e.isJsonNull()) return "nothing";
        if (e.isJsonObject()) return "an object";
        if (e.isJsonArray()) return "a list";
        JsonPrimitive p = e.getAsJsonPrimitive();
        String text = p.isString() ? "\"" + p.getAsString() + "\"" : p.toString();
        return text.length() > 60 ? text.substring(0, 57) + "...\"" : text;
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) return "a list";
        if (e.isJsonNull()) return "nothing (an empty file, or null)";
        return show(e);
    }

    private static String alternatives(List<String> allowed) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < allowed.size(); i++) {
            if (i > 0) sb.append(i == allowed.size() - 1 ? " or " : ", ");
            sb.append('"').append(allowed.get(i)).append('"');
        }
        return sb.toString();
    }

    /** Gson's own wording, with the position kept and its advice to parse leniently (wrong for a manifest) replaced. */
    private static String syntaxReason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof JsonParseException)) t = t.getCause(); // gson wraps the reader's exception
        return firstLine(t)
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON (comment, unquoted text or text after the end?)")
                .replace("End of input", "the file ends too early");
    }

    /** Gson 2.11 appends a troubleshooting link on a second line; the position is in the first. */
    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }
}
