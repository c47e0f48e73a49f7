package io.kalpana.image;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.kalpana.audit.AuditLog;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Caller;
import io.kalpana.identity.User;
import io.kalpana.identity.UserService;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.store.DuplicateKey;
import io.kalpana.store.MongoConnection;
import io.kalpana.store.StoreUnavailable;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The images workspaces may run. Built-in ones are not stored: they follow {@code kalpana.workspace.image}, so an
 * upgrade moves their workspaces to the new images. Registered ones live in {@code workspace_images}, one document
 * per name. A workspace stores the name of its image; the reference is read at each start.
 */
@ApplicationScoped
public class ImageCatalog {

    private static final Logger LOG = Logger.getLogger(ImageCatalog.class.getName());

    public static final String COLLECTION = "workspace_images";

    private Supplier<MongoDatabase> database;
    private TemplateImages templateImages;
    private Function<Username, Set<String>> groupsOf;
    private AuditLog audit;
    private Clock clock;

    /** For the CDI proxy only. */
    protected ImageCatalog() {
    }

    @Inject
    public ImageCatalog(MongoConnection connection, KalpanaConfig config, UserService users, AuditLog audit) {
        this(connection::database, new TemplateImages(new ImageReference(config.workspaceImage())),
                username -> users.find(username).map(User::groups).orElse(Set.of()), audit, Clock.systemUTC());
    }

    public ImageCatalog(Supplier<MongoDatabase> database, TemplateImages templateImages,
                        Function<Username, Set<String>> groupsOf, AuditLog audit, Clock clock) {
        this.database = database;
        this.templateImages = templateImages;
        this.groupsOf = groupsOf;
        this.audit = audit;
        this.clock = clock;
    }

    /** Built-in images in template order, then the registered ones by name. */
    public List<WorkspaceImage> all() {
        List<WorkspaceImage> images = new ArrayList<>(builtIns());
        StoreUnavailable.guard(() -> images().find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .forEach(document -> images.add(fromDocument(document)));
        return images;
    }

    /** Every image with the number of workspaces on it. */
    public List<ImageUsage> usage() {
        Map<String, Long> counts = workspaceCounts();
        return all().stream().map(image -> new ImageUsage(image, counts.getOrDefault(image.name().value(), 0L)))
                .toList();
    }

    public WorkspaceImage get(ImageName name) {
        return find(name).orElseThrow(() -> KalpanaException.notFound("image_not_found", "There is no image '" + name
                + "'"));
    }

    public Optional<WorkspaceImage> find(ImageName name) {
        Optional<WorkspaceImage> builtIn = builtIns().stream().filter(image -> image.name().equals(name)).findFirst();
        if (builtIn.isPresent()) {
            return builtIn;
        }
        Document document = StoreUnavailable.guard(() -> images().find(Filters.eq("_id", name.value())).first());
        return Optional.ofNullable(document).map(ImageCatalog::fromDocument);
    }

    public WorkspaceImage register(Caller actor, ImageName name, ImageDraft draft) {
        requireAdmin(actor);
        if (builtInNamed(name)) {
            throw KalpanaException.conflict("image_exists", "'" + name + "' is the name of a built-in image;"
                    + " give yours another name");
        }
        Instant now = clock.instant();
        Document document = toDocument(name, draft, now).append("createdAt", now.toString())
                .append("createdBy", actor.username().value());
        try {
            StoreUnavailable.guard(() -> images().insertOne(document));
        } catch (RuntimeException e) {
            if (DuplicateKey.isCauseOf(e)) {
                throw KalpanaException.conflict("image_exists", "There is an image '" + name + "' already; change it"
                        + " with PUT /api/v1/admin/images/" + name);
            }
            throw e;
        }
        audit.record(actor.username(), "image.register", "image:" + name, "reference=" + draft.reference()
                + " templates=" + ids(draft.templates()) + " groups=" + new TreeSet<>(draft.groups()));
        LOG.info(() -> "workspace=* user=" + actor.username() + " registered image " + name + " = " + draft.reference());
        return fromDocument(document);
    }

    public WorkspaceImage update(Caller actor, ImageName name, ImageDraft draft) {
        requireAdmin(actor);
        refuseBuiltIn(name, "changed");
        Document document = toDocument(name, draft, clock.instant());
        Document before = StoreUnavailable.guard(() -> images().findOneAndUpdate(Filters.eq("_id", name.value()),
                new Document("$set", document)));
        if (before == null) {
            throw KalpanaException.notFound("image_not_found", "There is no image '" + name + "'");
        }
        audit.record(actor.username(), "image.update", "image:" + name, "reference=" + before.getString("reference")
                + " -> " + draft.reference() + " templates=" + ids(draft.templates()) + " groups="
                + new TreeSet<>(draft.groups()));
        LOG.info(() -> "workspace=* user=" + actor.username() + " changed image " + name + " to " + draft.reference());
        return get(name);
    }

    /** Forgets an image no workspace uses; refused with their number while some do. */
    public void delete(Caller actor, ImageName name) {
        requireAdmin(actor);
        refuseBuiltIn(name, "deleted");
        long using = workspaceCounts().getOrDefault(name.value(), 0L);
        if (using > 0) {
            throw KalpanaException.conflict("image_in_use", "The image '" + name + "' is used by " + using
                    + (using == 1 ? " workspace" : " workspaces") + "; move " + (using == 1 ? "it" : "them")
                    + " to another image first (PUT /api/v1/admin/workspaces/{id}/image)");
        }
        long deleted = StoreUnavailable.guard(() -> images().deleteOne(Filters.eq("_id", name.value())))
                .getDeletedCount();
        if (deleted == 0) {
            throw KalpanaException.notFound("image_not_found", "There is no image '" + name + "'");
        }
        audit.record(actor.username(), "image.delete", "image:" + name, "deleted");
        LOG.info(() -> "workspace=* user=" + actor.username() + " deleted image " + name);
    }

    /** The images {@code caller} may pick for a new workspace of {@code template}, its built-in one first. */
    public List<WorkspaceImage> offeredTo(Caller caller, WorkspaceTemplate template) {
        Set<String> groups = caller.isAdmin() ? Set.of() : groupsOf.apply(caller.username());
        return all().stream().filter(image -> image.offeredFor(template) && image.usableBy(caller, groups))
                .filter(image -> !image.builtIn() || image.templates().contains(template)).toList();
    }

    /** The image a new workspace gets: the one asked for, if the caller may use it for the template, else the template's. */
    public WorkspaceImage choose(Caller caller, WorkspaceTemplate template, Optional<ImageName> asked) {
        if (asked.isEmpty()) {
            return builtIn(template);
        }
        WorkspaceImage image = find(asked.get()).orElseThrow(() -> KalpanaException.invalid("unknown_image",
                "There is no image '" + asked.get() + "'; GET /api/v1/images?template=" + template.id()
                        + " lists those you may use"));
        if (!image.offeredFor(template) || (image.builtIn() && !image.templates().contains(template))) {
            throw KalpanaException.invalid("image_not_for_template", "The image '" + image.name() + "' is for "
                    + ids(image.templates()) + ", not for the " + template.id() + " template");
        }
        Set<String> groups = caller.isAdmin() ? Set.of() : groupsOf.apply(caller.username());
        if (!image.usableBy(caller, groups)) {
            throw KalpanaException.forbidden("image_not_allowed", "The image '" + image.name() + "' is for the groups "
                    + image.groups() + " only");
        }
        return image;
    }

    /** The image a workspace runs on at its next start; a clear refusal when its image was deleted meanwhile. */
    public WorkspaceImage forWorkspace(Workspace workspace) {
        return find(workspace.image()).orElseThrow(() -> KalpanaException.conflict("image_not_registered",
                "The image '" + workspace.image() + "' of workspace " + workspace.id() + " is no longer registered;"
                        + " an admin can move the workspace to another image"));
    }

    public WorkspaceImage builtIn(WorkspaceTemplate template) {
        return WorkspaceImage.builtIn(template, templateImages.forTemplate(template));
    }

    private List<WorkspaceImage> builtIns() {
        return EnumSet.allOf(WorkspaceTemplate.class).stream().map(this::builtIn).toList();
    }

    private boolean builtInNamed(ImageName name) {
        return builtIns().stream().anyMatch(image -> image.name().equals(name));
    }

    private void refuseBuiltIn(ImageName name, String what) {
        if (builtInNamed(name)) {
            throw KalpanaException.conflict("image_built_in", "'" + name + "' is a built-in image and cannot be " + what
                    + ": it follows kalpana.workspace.image; register an image of another name instead");
        }
    }

    private static void requireAdmin(Caller actor) {
        if (!actor.isAdmin()) {
            throw KalpanaException.forbidden("admin_only", "Only admins manage images");
        }
    }

    /** Workspaces made before images were known have none stored: theirs is their template's built-in image. */
    private Map<String, Long> workspaceCounts() {
        Map<String, Long> counts = new HashMap<>();
        StoreUnavailable.guard(() -> database.get().getCollection(Workspace.COLLECTION).find()
                .projection(Projections.include("image", "template")).into(new ArrayList<>()))
                .forEach(document -> {
                    String image = document.getString("image");
                    String key = image != null ? image : WorkspaceTemplate.fromId(document.getString("template")).id();
                    counts.merge(key, 1L, Long::sum);
                });
        return counts;
    }

    private static Document toDocument(ImageName name, ImageDraft draft, Instant now) {
        return new Document("_id", name.value())
                .append("reference", draft.reference().value())
                .append("description", draft.description())
                .append("templates", ids(draft.templates()))
                .append("groups", new ArrayList<>(new TreeSet<>(draft.groups())))
                .append("updatedAt", now.toString());
    }

    private static WorkspaceImage fromDocument(Document document) {
        Set<WorkspaceTemplate> templates = EnumSet.noneOf(WorkspaceTemplate.class);
        document.getList("templates", String.class, List.of()).forEach(id -> templates.add(WorkspaceTemplate.fromId(id)));
        String updated = document.getString("updatedAt");
        return new WorkspaceImage(new ImageName(document.getString("_id")),
                new ImageReference(document.getString("reference")), document.getString("description"), templates,
                Set.copyOf(document.getList("groups", String.class, List.of())), false,
                Optional.ofNullable(updated).map(Instant::parse));
    }

    private static List<String> ids(Set<WorkspaceTemplate> templates) {
        return templates.stream().sorted().map(WorkspaceTemplate::id).toList();
    }

    private MongoCollection<Document> images() {
        return database.get().getCollection(COLLECTION);
    }
}
