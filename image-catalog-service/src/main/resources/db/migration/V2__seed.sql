-- Kubeflow's example notebook images (components/example-notebook-servers) and Arrikto's Kale images, with the
-- defaults of Kubeflow's spawner_ui_config.yaml. ${registry_prefix} and ${seed_tag} come from catalog.registry-prefix
-- and catalog.seed-tag (CatalogSettings); the seed is applied once, on the first start.
insert into catalog_image (id, reference, server_type, display_name, description, tags, default_image, deprecated,
                           added_by, added_at, updated_at)
select gen_random_uuid(), reference, server_type, display_name, description, tags::jsonb, default_image, deprecated,
       'image-catalog-service', now(), now()
from (values
    ('${registry_prefix}/jupyter-scipy:${seed_tag}', 'jupyter', 'JupyterLab with SciPy',
     'JupyterLab with the SciPy stack (numpy, pandas, scikit-learn, matplotlib)', '["cpu", "scipy"]', true, false),
    ('${registry_prefix}/jupyter-pytorch-full:${seed_tag}', 'jupyter', 'JupyterLab with PyTorch',
     'JupyterLab with PyTorch and the common data-science packages', '["cpu", "pytorch"]', false, false),
    ('${registry_prefix}/jupyter-pytorch-cuda-full:${seed_tag}', 'jupyter', 'JupyterLab with PyTorch (CUDA)',
     'JupyterLab with PyTorch and CUDA for NVIDIA GPUs', '["cuda", "gpu", "pytorch"]', false, false),
    ('${registry_prefix}/jupyter-tensorflow-full:${seed_tag}', 'jupyter', 'JupyterLab with TensorFlow',
     'JupyterLab with TensorFlow and the common data-science packages', '["cpu", "tensorflow"]', false, false),
    ('${registry_prefix}/jupyter-tensorflow-cuda-full:${seed_tag}', 'jupyter', 'JupyterLab with TensorFlow (CUDA)',
     'JupyterLab with TensorFlow and CUDA for NVIDIA GPUs', '["cuda", "gpu", "tensorflow"]', false, false),
    ('${registry_prefix}/jupyter:${seed_tag}', 'jupyter', 'JupyterLab',
     'Plain JupyterLab, the base of the Jupyter images', '["cpu", "base"]', false, false),
    ('${registry_prefix}/base:${seed_tag}', 'jupyter', 'Base image',
     'The base layer of every example image (user jovyan, s6-overlay); serves nothing on port 8888, so not offered',
     '["base"]', false, true),
    ('${registry_prefix}/codeserver-python:${seed_tag}', 'vscode', 'VS Code with Python',
     'code-server (VS Code in the browser) with a Python environment', '["cpu", "python"]', true, false),
    ('${registry_prefix}/codeserver:${seed_tag}', 'vscode', 'VS Code',
     'Plain code-server, the base of the VS Code images', '["cpu", "base"]', false, false),
    ('${registry_prefix}/rstudio-tidyverse:${seed_tag}', 'rstudio', 'RStudio with tidyverse',
     'RStudio Server with the tidyverse packages', '["cpu", "r", "tidyverse"]', true, false),
    ('${registry_prefix}/rstudio:${seed_tag}', 'rstudio', 'RStudio',
     'Plain RStudio Server, the base of the RStudio images', '["cpu", "r", "base"]', false, false),
    ('gcr.io/arrikto/jupyter-kale-py38:release-1.5-l0-release-1.5-rc4-4-gbc3c6f09d', 'jupyter', 'JupyterLab with Kale',
     'Kale: turn notebooks into Kubeflow Pipelines (Python 3.8)', '["cpu", "kale", "pipelines"]', false, false),
    ('gcr.io/arrikto/vscode-kale-py38:release-1.5-l0-release-1.5-rc4-4-gbc3c6f09d', 'vscode', 'VS Code with Kale',
     'Kale in code-server (Python 3.8)', '["cpu", "kale", "pipelines"]', false, false)
) as seed (reference, server_type, display_name, description, tags, default_image, deprecated);

-- the history starts with the seed: one "add" per image, its "after" as the API shows an image
insert into catalog_change (image_id, action, actor, via, changed_at, after)
select id, 'add', added_by, 'controller', added_at,
       jsonb_build_object(
           'id', id,
           'reference', reference,
           'serverType', server_type,
           'displayName', display_name,
           'description', description,
           'tags', tags,
           'defaultImage', default_image,
           'deprecated', deprecated,
           'addedBy', added_by,
           'addedAt', to_char(added_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'updatedAt', to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'checkOverridden', check_overridden)
from catalog_image
order by reference;
