// Passkey ceremonies for the forms marked data-passkey="create" (registration) or "get" (login,
// second factor): fetch the options from data-options-url, let the browser create or sign, put
// the browser's response (PublicKeyCredential.toJSON()) into the hidden field "credential" and
// submit the form; the server checks everything. Without WebAuthn's JSON helpers the form stays
// hidden and the element named by data-unsupported-id is shown instead.
(function () {
  'use strict';

  var supported = !!(window.PublicKeyCredential
    && PublicKeyCredential.parseCreationOptionsFromJSON
    && PublicKeyCredential.parseRequestOptionsFromJSON);

  function show(id) {
    var element = id && document.getElementById(id);
    if (element) {
      element.hidden = false;
    }
    return element;
  }

  function fetchOptions(form) {
    var csrf = form.querySelector('input[name="_csrf"]');
    return fetch(form.getAttribute('data-options-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-CSRF-TOKEN': csrf ? csrf.value : '' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('options: HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function ceremony(form, options) {
    if (form.getAttribute('data-passkey') === 'create') {
      return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
    }
    return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
  }

  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    if (!supported) {
      form.hidden = true;
      show(form.getAttribute('data-unsupported-id'));
      return;
    }
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var failed = document.getElementById(form.getAttribute('data-error-id'));
      if (failed) {
        failed.hidden = true;
      }
      fetchOptions(form)
        .then(function (options) { return ceremony(form, options); })
        .then(function (credential) {
          form.querySelector('input[name="credential"]').value = JSON.stringify(credential.toJSON());
          form.submit();
        })
        .catch(function () {
          var shown = show(form.getAttribute('data-error-id'));
          if (shown) {
            shown.focus();
          }
        });
    });
  });
}());
