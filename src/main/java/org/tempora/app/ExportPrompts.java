package org.tempora.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tempora.export.ExportFormat;

/** The questions the export dialog asks the user: where to save, and whether to replace what is there. Tests answer them directly. */
public interface ExportPrompts {
    /** The file (videos) or folder (sequences) to write, or empty when the user backed out. */
    Optional<Path> chooseDestination(Window owner, ExportFormat format, Path suggested);

    /** Whether {@code target}, which exists, may be replaced. */
    boolean confirmReplace(Window owner, Path target);

    /** The system's file and folder choosers and a confirmation alert. */
    static ExportPrompts system() {
        return new ExportPrompts() {
            @Override public Optional<Path> chooseDestination(Window owner, ExportFormat format, Path suggested) {
                Path dir = suggested.toAbsolutePath().getParent();
                if (format.isSequence()) {
                    // A sequence goes into a new folder: the user picks where it goes, the folder is named for the photo.
                    DirectoryChooser chooser = new DirectoryChooser();
                    chooser.setTitle("Choose the folder to put the " + format.name() + " sequence in");
                    if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
                    File picked = chooser.showDialog(owner);
                    return picked == null ? Optional.empty() : Optional.of(picked.toPath().resolve(suggested.getFileName()));
                }
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Export as " + format.name());
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
                if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
                chooser.setInitialFileName(suggested.getFileName().toString());
                File picked = chooser.showSaveDialog(owner);
                return Optional.ofNullable(picked).map(File::toPath);
            }

            @Override public boolean confirmReplace(Window owner, Path target) {
                ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
                Alert alert = new Alert(Alert.AlertType.CONFIRMATION, target + " already exists. Replace it with this export?", replace, ButtonType.CANCEL);
                alert.setHeaderText("Replace " + target.getFileName() + "?");
                alert.initOwner(owner);
                return alert.showAndWait().filter(replace::equals).isPresent();
            }
        };
    }
}
