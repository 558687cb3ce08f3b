package org.tempora.cli;

/** Entry point of target/tempora.jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("Tempora");
    }
}
