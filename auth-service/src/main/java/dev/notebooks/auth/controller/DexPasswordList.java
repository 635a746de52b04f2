package dev.notebooks.auth.controller;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link DexPassword}s as the API returns it. */
public class DexPasswordList extends CustomResourceList<DexPassword> {}
