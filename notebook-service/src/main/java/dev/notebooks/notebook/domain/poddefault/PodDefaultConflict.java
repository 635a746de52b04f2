package dev.notebooks.notebook.domain.poddefault;

/**
 * Two different values for one entry of a pod, which Kubeflow's webhook refuses as a whole.
 *
 * @param podDefault the PodDefault whose entry conflicts
 * @param field where, such as {@code env NB_TOKEN in container nb}, {@code volumes data}, {@code labels team}
 * @param with who set it first: {@code the pod} or another PodDefault's name
 */
public record PodDefaultConflict(String podDefault, String field, String with) {

    public String message() {
        return "PodDefault " + podDefault + " sets " + field + " differently from "
                + (with.equals(PodDefaults.THE_POD) ? "the pod" : "PodDefault " + with);
    }
}
