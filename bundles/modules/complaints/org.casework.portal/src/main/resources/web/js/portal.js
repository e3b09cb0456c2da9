// The public complaint form: Privacy Act Statement first, then the form, then the receipt.
// No framework, no inline script (the page's Content-Security-Policy forbids it), no cookies.
'use strict';
(function () {
  var LANGUAGES = ['en', 'es'];
  var state = { lang: 'en', messages: {}, status: null, acceptedAt: null, errors: [], sending: false };

  function $(id) { return document.getElementById(id); }

  function t(key, params) {
    var text = state.messages[key];
    if (text === undefined) return key;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(params[name]));
    });
    return text;
  }

  function initialLanguage() {
    var asked = new URLSearchParams(window.location.search).get('lang');
    if (LANGUAGES.indexOf(asked) >= 0) return asked;
    var preferred = navigator.languages || [navigator.language || 'en'];
    for (var i = 0; i < preferred.length; i++) {
      var primary = String(preferred[i]).toLowerCase().split('-')[0];
      if (LANGUAGES.indexOf(primary) >= 0) return primary;
    }
    return 'en';
  }

  function loadMessages(lang) {
    return fetch('i18n/' + lang + '.json', { credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error('messages ' + r.status);
      return r.json();
    }).then(function (messages) {
      state.lang = lang;
      state.messages = messages;
      applyMessages();
    });
  }

  function applyMessages() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    var sw = $('language-switch');
    sw.textContent = t('language.other');
    sw.setAttribute('lang', t('language.otherCode'));
    if (state.status) {
      $('attachments-help').textContent = t('files.help', {
        maxFiles: state.status.maxFiles, maxFile: state.status.maxFileMegabytes, maxTotal: state.status.maxTotalMegabytes
      });
    }
    // Messages the page made itself are written again in the new language.
    if (state.errors.length) showErrors(state.errors.map(function (e) { return e.local ? e.local() : e; }), false);
  }

  function switchLanguage() {
    var next = state.lang === 'en' ? 'es' : 'en';
    loadMessages(next).then(function () {
      var url = new URL(window.location.href);
      url.searchParams.set('lang', next);
      window.history.replaceState(null, '', url.toString());
      $('language-switch').focus();
    });
  }

  function labelOf(input) {
    var group = input.closest('fieldset.field');
    var label = group ? group.querySelector('legend') : document.querySelector('label[for="' + input.id + '"]');
    if (!label) return input.name;
    var copy = label.cloneNode(true);
    copy.querySelectorAll('.required').forEach(function (r) { r.remove(); });
    return copy.textContent.trim();
  }

  // --- errors -------------------------------------------------------------------------------

  function clearErrors() {
    state.errors = [];
    $('error-summary').hidden = true;
    $('error-list').textContent = '';
    document.querySelectorAll('.error-message').forEach(function (el) { el.hidden = true; el.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    document.querySelectorAll('.field-error').forEach(function (el) { el.classList.remove('field-error'); });
  }

  /** Shows errors {input, message} next to their fields and in the summary, which gets focus. */
  function showErrors(errors, focus) {
    var kept = errors;
    clearErrors();
    state.errors = kept;
    var list = $('error-list');
    kept.forEach(function (error) {
      var item = document.createElement('li');
      var target = error.input ? firstInput(error.input) : null;
      if (target) {
        var link = document.createElement('a');
        link.href = '#' + target.id;
        link.textContent = error.message;
        link.addEventListener('click', function (event) {
          event.preventDefault();
          target.focus();
          target.scrollIntoView({ block: 'center' });
        });
        item.appendChild(link);
        var message = $(error.input + '-error');
        if (message) {
          message.textContent = error.message;
          message.hidden = false;
          var group = $('group-' + error.input);
          if (group) group.classList.add('field-error');
        }
        if (target.type !== 'radio' && target.type !== 'checkbox' || error.input === 'consent') {
          target.setAttribute('aria-invalid', 'true');
        }
      } else {
        item.textContent = error.message;
      }
      list.appendChild(item);
    });
    var summary = $('error-summary');
    summary.hidden = kept.length === 0;
    if (kept.length && focus !== false) summary.focus();
  }

  function firstInput(name) {
    var el = $(name);
    if (el) return el;
    return document.querySelector('#group-' + name + ' input, #group-' + name + ' textarea');
  }

  // --- checks in the browser (the server checks all of it again) ------------------------------

  function localError(input, key, params) {
    var make = function () {
      var el = firstInput(input);
      var all = Object.assign({ label: el ? labelOf(el) : input }, params || {});
      return { input: input, message: t(key, all), local: make };
    };
    return make();
  }

  function validate() {
    var errors = [];
    var anonymous = $('anonymous').checked;
    function value(id) { return $(id).value.trim(); }
    if (!anonymous && !value('submitterName')) errors.push(localError('submitterName', 'error.required'));
    if (!anonymous && value('submitterEmail') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value('submitterEmail'))) {
      errors.push(localError('submitterEmail', 'error.email'));
    }
    if (!value('detaineeName')) errors.push(localError('detaineeName', 'error.required'));
    if (value('aNumber') && !/^[Aa]?[\d\s-]+$/.test(value('aNumber'))) errors.push(localError('aNumber', 'error.aNumber'));
    else if (value('aNumber')) {
      var digits = value('aNumber').replace(/\D/g, '');
      if (digits.length < 7 || digits.length > 9) errors.push(localError('aNumber', 'error.aNumber'));
    }
    var today = new Date();
    var todayText = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-'
        + String(today.getDate()).padStart(2, '0');
    ['detaineeDateOfBirth', 'incidentDate'].forEach(function (id) {
      if (value(id) && value(id) > todayText) errors.push(localError(id, 'error.notInFuture'));
    });
    if (!value('description')) errors.push(localError('description', 'error.required'));
    var files = Array.prototype.slice.call($('attachments').files || []);
    var limits = state.status || { maxFiles: 5, maxFileMegabytes: 10, maxTotalMegabytes: 20, fileTypes: [] };
    var total = 0;
    if (files.length > limits.maxFiles) errors.push(localError('attachments', 'error.tooManyFiles', { max: limits.maxFiles }));
    files.forEach(function (file) {
      total += file.size;
      var dot = file.name.lastIndexOf('.');
      var ext = dot < 0 ? '' : file.name.substring(dot).toLowerCase();
      if (limits.fileTypes.length && limits.fileTypes.indexOf(ext) < 0) {
        errors.push(localError('attachments', 'error.fileType', { name: file.name }));
      } else if (file.size > limits.maxFileMegabytes * 1048576) {
        errors.push(localError('attachments', 'error.fileTooLarge', { name: file.name, max: limits.maxFileMegabytes }));
      }
    });
    if (total > limits.maxTotalMegabytes * 1048576) {
      errors.push(localError('attachments', 'error.filesTooLarge', { max: limits.maxTotalMegabytes }));
    }
    if (!$('consent').checked) {
      var consentError = function () { return { input: 'consent', message: t('error.requiredAccept'), local: consentError }; };
      errors.push(consentError());
    }
    return errors;
  }

  // --- steps ----------------------------------------------------------------------------------

  function continueFromPrivacy() {
    var box = $('privacyAccept');
    var message = $('privacyAccept-error');
    if (!box.checked) {
      message.textContent = t('privacy.mustAccept');
      message.hidden = false;
      box.setAttribute('aria-invalid', 'true');
      $('group-privacyAccept').classList.add('field-error');
      box.focus();
      return;
    }
    state.acceptedAt = new Date().toISOString();
    $('privacy-step').hidden = true;
    $('complaint-form').hidden = false;
    $('anonymous').focus();
  }

  function toggleAnonymous() {
    var anonymous = $('anonymous').checked;
    var identity = $('identity-fields');
    identity.hidden = anonymous;
    identity.querySelectorAll('input, textarea').forEach(function (el) { el.disabled = anonymous; });
  }

  function submit(event) {
    event.preventDefault();
    if (state.sending) return;
    var errors = validate();
    if (errors.length) {
      showErrors(errors);
      return;
    }
    clearErrors();
    state.sending = true;
    $('submit').disabled = true;
    var progress = $('progress');
    progress.textContent = t('progress.working');
    var query = '?lang=' + state.lang;
    fetch('api/challenge' + query, { credentials: 'omit', cache: 'no-store' })
      .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); })
      .then(function (answer) {
        if (answer.status !== 200) throw answer;
        return window.CaseworkPow.solve(answer.body.challenge, answer.body.bits).then(function (nonce) {
          var data = new FormData($('complaint-form'));
          data.set('challenge', answer.body.challenge);
          data.set('nonce', nonce);
          data.set('privacyStatementVersion', state.status ? state.status.privacyStatementVersion : '');
          data.set('privacyStatementAcceptedAt', state.acceptedAt);
          data.set('language', state.lang);
          progress.textContent = t('progress.sending');
          return fetch('api/complaints' + query, { method: 'POST', body: data, credentials: 'omit', cache: 'no-store' });
        });
      })
      .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); })
      .then(function (answer) {
        if (answer.status !== 201) throw answer;
        showReceipt(answer.body);
      })
      .catch(function (failure) {
        var body = failure && failure.body;
        if (body && body.errors) {
          showErrors(body.errors.map(function (e) { return { input: e.input, message: e.message }; }));
        } else {
          showErrors([{ input: null, message: t('error.network') }]);
        }
      })
      .then(function () {
        state.sending = false;
        $('submit').disabled = false;
        progress.textContent = '';
      });
  }

  function showReceipt(body) {
    $('complaint-form').hidden = true;
    $('receipt-case-number').textContent = body.caseNumber;
    $('receipt-message').textContent = body.message;
    var receipt = $('receipt');
    receipt.hidden = false;
    receipt.focus();
  }

  function loadStatus() {
    return fetch('api/status', { credentials: 'omit', cache: 'no-store' }).then(function (r) { return r.json(); })
      .then(function (status) {
        state.status = status;
        $('privacy-version').textContent = status.privacyStatementVersion;
        $('unavailable').hidden = status.available;
      });
  }

  function start() {
    $('language-switch').addEventListener('click', switchLanguage);
    $('privacy-continue').addEventListener('click', continueFromPrivacy);
    $('anonymous').addEventListener('change', toggleAnonymous);
    $('complaint-form').addEventListener('submit', submit);
    Promise.all([loadMessages(initialLanguage()), loadStatus()])
      .then(applyMessages)
      .catch(function () { $('unavailable').hidden = false; })
      .then(function () { $('main').setAttribute('aria-busy', 'false'); });
  }

  start();
})();
