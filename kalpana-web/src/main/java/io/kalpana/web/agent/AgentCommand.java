package io.kalpana.web.agent;

/**
 * What a tab sends over the agent WebSocket: {@code {"type":"send","text":"..."}}, {@code {"type":"cancel"}} or
 * {@code {"type":"approve","id":"approval-1","approved":true}}. A mutable bean because JSON-B fills it.
 */
public class AgentCommand {

    private String type;
    private String text;
    private String id;
    private Boolean approved;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Boolean getApproved() {
        return approved;
    }

    public void setApproved(Boolean approved) {
        this.approved = approved;
    }
}
