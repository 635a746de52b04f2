package dev.notebooks.localstack;

/**
 * How the memory benchmark gives one service {@code count} of its resources, and how it knows the service holds them
 * (in its informer caches, or projected from its database into the cluster).
 */
interface ResourceLoad {

    /** @return what is loaded, such as {@code profiles} */
    String resources();

    /** Writes what the service needs before it starts (namespaces, Dex's ConfigMap); nothing by default. */
    default void prepare(JsonHttp kubernetes, int count) throws Exception {}

    /** Writes {@code count} resources, through the service's API or the Kubernetes API as a user would. */
    void load(JsonHttp kubernetes, JsonHttp service, int count) throws Exception;

    /** @return how many of them the service has taken in so far */
    int loaded(JsonHttp kubernetes, JsonHttp service) throws Exception;
}
